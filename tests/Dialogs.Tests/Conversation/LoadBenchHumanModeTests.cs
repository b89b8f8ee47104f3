using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Load.Bench;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// The load bench's human-mode conversations (--human-percent): the strings it sends and the
/// replies it reads must still fit the flow, or its "no loss" figures would measure a conversation
/// that no longer happens.
/// </summary>
public sealed class LoadBenchHumanModeTests
{
    // The bench gives the bot chat hours all day (ServerProcess.HumanModeSettings).
    private static readonly CenterProfile AllDay = new()
    {
        Name = ConversationDriver.Center.Name,
        Prefecture = ConversationDriver.Center.Prefecture,
        Phone = ConversationDriver.Center.Phone,
        Hotlines = ConversationDriver.Center.Hotlines,
        Hours = new CenterHours { Days = [.. Enum.GetValues<DayOfWeek>()], From = new TimeOnly(0, 0), To = new TimeOnly(23, 59, 59) },
    };

    private static readonly DeskCoordinator Desk = new(1, "bench-desk", ConversationDriver.Now);

    [Fact]
    public void The_bench_human_mode_script_reaches_a_person_is_handed_back_to_the_same_question_and_files_the_intake()
    {
        var script = IntakeScript.Family(ConversationDriver.Now);
        var chat = new ConversationDriver(roundTripState: true, center: AllDay);
        foreach (var answer in script.Answers.Take(script.HumanModeAfter))
        {
            chat.Send(answer);
        }

        var question = IntakeScript.LastLine(chat.LastText);
        var step = chat.Step;

        var asked = chat.Send(IntakeScript.AskForPerson).WithReferenceNumber("KN-2026-000042");
        Assert.Equal(TicketKind.Handoff, Assert.Single(chat.Tickets).Kind);
        Assert.Equal("KN-2026-000042", IntakeScript.ReferenceIn(string.Join("\n", asked.Replies.Select(r => r.Text))));
        Assert.Contains("相談員を呼んでいます", chat.LastText);

        chat.Send(UserInput.FromDesk(new DeskEvent(DeskEventKind.Message, Desk, "相談員です。（0-1-1）")));
        Assert.Contains(chat.Last.Replies, r => r.Coordinator?.Name == Desk.Name && r.Text == "相談員です。（0-1-1）");
        Assert.Contains(chat.Last.Replies, r => r.Coordinator is null && r.Text.Contains("つながりました", StringComparison.Ordinal));
        chat.Send("母のことで相談したいです。（0-1-u1）");
        Assert.Empty(chat.Last.Replies);
        chat.Send("よろしくお願いします。（0-1-u2）");
        Assert.Empty(chat.Last.Replies);

        chat.Send(UserInput.FromDesk(new DeskEvent(DeskEventKind.Handback, Desk, null)));
        Assert.Contains(question, chat.LastText);
        Assert.Equal(step, chat.Step);

        foreach (var answer in script.Answers.Skip(script.HumanModeAfter))
        {
            chat.Send(answer);
            Assert.False(script.NotUnderstood.Any(chat.LastText.Contains), $"「{answer}」 not understood at {chat.Step}: {chat.LastText}");
        }

        Assert.Equal(IntakeStep.Done, chat.Step);
        Assert.Contains(chat.Tickets, t => t.Kind == TicketKind.Intake);
        Assert.Contains(script.ReferenceMarker, chat.LastText);
    }

    [Theory]
    [InlineData("ご相談を受け付けました。受付番号は KN-2026-000123 です。\nほか", "KN-2026-000123")]
    [InlineData("受付番号（うけつけばんごう）は KN-2027-000001 です。\n受付番号は KN-2027-000001 です。", "KN-2027-000001")]
    [InlineData("相談員を呼んでいます。", null)]
    [InlineData("受付番号は {受付番号} です。", null)]
    public void The_bench_reads_the_reference_number_from_the_reply(string reply, string? expected) =>
        Assert.Equal(expected, IntakeScript.ReferenceIn(reply));

    [Theory]
    [InlineData(10, 50, 5)]
    [InlineData(10, 100, 10)]
    [InlineData(0, 50, 0)]
    [InlineData(100, 20, 20)]
    [InlineData(25, 10, 2)]
    public void Human_mode_users_are_that_share_of_the_users_spread_evenly(double percent, int users, int expected)
    {
        var humans = Enumerable.Range(0, users).Where(i => BenchOptions.IsHumanModeUser(i, percent)).ToList();

        Assert.Equal(expected, humans.Count);
        if (percent == 10)
        {
            Assert.Equal(Enumerable.Range(1, expected).Select(k => (k * 10) - 1), humans);
        }
    }

    [Fact]
    public void Human_percent_gives_one_row_per_share_and_needs_a_started_bot_over_direct_line()
    {
        var options = BenchOptions.Parse(["--start", "bot", "--mode", "directline", "--human-percent", "0,10"]);
        Assert.True(options.HumanMode);
        Assert.Equal([0, 10], options.HumanPercents);

        Assert.False(BenchOptions.Parse(["--start", "bot"]).HumanMode);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--start", "bot", "--human-percent", "10"]));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--url", "http://127.0.0.1:5080", "--mode", "directline", "--human-percent", "10"]));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--start", "bot", "--mode", "directline", "--human-percent", "110"]));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--start", "bot", "--mode", "directline", "--human-percent", "ten"]));
    }
}
