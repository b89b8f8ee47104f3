using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>A coordinator in the chat (human mode), and asking for a person within and outside the hours.</summary>
public sealed class HumanModeTests
{
    private static readonly CenterProfile WithHours = new()
    {
        Name = ConversationDriver.Center.Name,
        Prefecture = ConversationDriver.Center.Prefecture,
        Phone = ConversationDriver.Center.Phone,
        Hotlines = ConversationDriver.Center.Hotlines,
        Hours = new CenterHours
        {
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            From = new TimeOnly(9, 0),
            To = new TimeOnly(17, 0),
            Holidays = [new DateOnly(2026, 11, 23)],
        },
    };

    private static readonly DeskCoordinator Sato = new(7, "佐藤", ConversationDriver.Now);
    private static readonly DeskCoordinator Suzuki = new(8, "鈴木", ConversationDriver.Now);

    private static ConversationDriver AtRelation(CenterProfile? center = null, DateTimeOffset? at = null)
    {
        var chat = new ConversationDriver(roundTripState: true, center: center, at: at).SendAll("相談したい", "同意します", "家族です");
        Assert.Equal(IntakeStep.Relation, chat.Step);
        return chat;
    }

    private static TurnResult Desk(ConversationDriver chat, DeskEventKind kind, DeskCoordinator? by, string? text = null) =>
        chat.Send(UserInput.FromDesk(new DeskEvent(kind, by, text)));

    [Fact]
    public void A_coordinator_who_joins_is_announced_by_name_and_their_message_is_theirs()
    {
        var chat = AtRelation();

        Desk(chat, DeskEventKind.Join, Sato);

        Assert.Contains("相談員（佐藤）がつながりました", chat.LastText);
        Assert.Equal(Sato.Id, chat.State.Coordinator?.Id);

        var reply = Assert.Single(Desk(chat, DeskEventKind.Message, Sato, "<script>alert(1)</script>こんにちは").Replies);

        Assert.Equal("<script>alert(1)</script>こんにちは", reply.Text);
        Assert.Equal("佐藤", reply.Coordinator?.Name);
        Assert.Equal("佐藤", chat.State.Transcript[^1].Coordinator);
        Assert.Equal(IntakeStep.Relation, chat.Step);
    }

    [Theory]
    [InlineData("はい")]
    [InlineData("母です")]
    [InlineData("ははです")]
    [InlineData("わからない")]
    [InlineData("７２さい")]
    [InlineData("最初から")]
    [InlineData("もどる")]
    [InlineData("やさしい日本語で")]
    [InlineData("センターはなにをしてくれますか？")]
    [InlineData("")]
    public void In_human_mode_the_bot_answers_nothing_the_person_writes(string text)
    {
        var chat = AtRelation();
        Desk(chat, DeskEventKind.Join, Sato);

        chat.Send(text);

        Assert.Empty(chat.Last.Replies);
        Assert.Empty(chat.Last.SideEffects);
        Assert.Equal(IntakeStep.Relation, chat.Step);
        if (text.Length > 0)
        {
            Assert.Equal(text, chat.State.Transcript[^1].Text);
            Assert.True(chat.State.Transcript[^1].FromUser);
        }
    }

    [Theory]
    [InlineData("死にたい")]
    [InlineData("しにたい")]
    [InlineData("殺される")]
    public void Crisis_guidance_still_fires_in_human_mode_and_asks_nothing_more(string text)
    {
        var chat = AtRelation();
        Desk(chat, DeskEventKind.Join, Sato);

        chat.Send(text);

        Assert.Contains("110", chat.LastText);
        Assert.Contains(chat.Last.SideEffects, e => e is CreateTicket { Kind: TicketKind.Crisis });
        Assert.False(chat.State.AskingCaseContact);
        Assert.NotNull(chat.State.Coordinator);
    }

    [Theory]
    [InlineData("やめる")]
    [InlineData("やめます")]
    public void Quitting_still_works_in_human_mode_and_ends_the_coordinators_chat(string text)
    {
        var chat = AtRelation();
        Desk(chat, DeskEventKind.Join, Sato);

        chat.Send(text);

        Assert.Contains(chat.Last.SideEffects, e => e is DeleteConversationData);
        Assert.Null(chat.State.Coordinator);
        Assert.Equal(IntakeStep.Welcome, chat.Step);
    }

    [Fact]
    public void A_second_coordinator_can_neither_join_write_nor_hand_back()
    {
        var chat = AtRelation();
        Desk(chat, DeskEventKind.Join, Sato);
        var before = IntakeStateSerializer.Serialize(chat.State);

        Assert.Empty(Desk(chat, DeskEventKind.Join, Suzuki).Replies);
        Assert.Empty(Desk(chat, DeskEventKind.Message, Suzuki, "割り込み").Replies);
        Assert.Empty(Desk(chat, DeskEventKind.Handback, Suzuki).Replies);

        Assert.Equal(before, IntakeStateSerializer.Serialize(chat.State));
        Assert.Equal("佐藤", chat.State.Coordinator?.Name);
    }

    [Fact]
    public void A_first_message_joins_a_coordinator_who_had_not_joined()
    {
        var chat = AtRelation();

        var replies = Desk(chat, DeskEventKind.Message, Sato, "お待たせしました").Replies;

        Assert.Equal(2, replies.Count);
        Assert.Contains("つながりました", replies[0].Text);
        Assert.Equal("お待たせしました", replies[1].Text);
        Assert.Equal(Sato.Id, chat.State.Coordinator?.Id);
    }

    [Fact]
    public void The_handback_resumes_at_the_question_the_person_was_on_and_the_bot_answers_again()
    {
        var chat = AtRelation();
        var question = chat.LastText;
        Desk(chat, DeskEventKind.Join, Sato);
        chat.Send("母です");
        Desk(chat, DeskEventKind.Message, Sato, "わかりました。続きは質問にお答えください。");

        Desk(chat, DeskEventKind.Handback, Sato);

        Assert.Null(chat.State.Coordinator);
        Assert.Contains("相談員とのチャットを終わりました", chat.LastText);
        Assert.Contains(Phrases.Continue, chat.LastText);
        Assert.Contains(question.Split('\n')[^1], chat.LastText);
        Assert.Equal(IntakeStep.Relation, chat.Step);

        chat.Send("母です");
        Assert.NotEqual(IntakeStep.Relation, chat.Step);
        Assert.NotEmpty(chat.Last.Replies);
    }

    [Fact]
    public void Reopening_the_chat_in_human_mode_says_who_is_there_and_asks_nothing()
    {
        var chat = AtRelation();
        Desk(chat, DeskEventKind.Join, Sato);

        var reply = Assert.Single(chat.Send(UserInput.Started).Replies);

        Assert.Contains("相談員（佐藤）とつながっています", reply.Text);
        Assert.Empty(reply.Actions);
    }

    [Theory]
    [InlineData("人と話したい")]
    [InlineData("ひとと話したい")]
    [InlineData("相談員と話したい")]
    public void Asking_for_a_person_within_the_hours_calls_one_and_waits_without_a_promise(string text)
    {
        var chat = AtRelation(WithHours);

        chat.Send(text);

        Assert.Contains("相談員を呼んでいます", chat.LastText);
        Assert.Equal(ConversationDriver.Now, chat.State.WaitingForPersonSince);
        Assert.False(chat.State.AskingCaseContact);
        Assert.DoesNotContain("連絡します", chat.LastText);
        Assert.Equal(TicketKind.Handoff, Assert.Single(chat.Tickets).Kind);

        Desk(chat, DeskEventKind.Join, Sato);
        Assert.Null(chat.State.WaitingForPersonSince);
    }

    [Fact]
    public void When_nobody_joins_in_time_the_bot_says_so_gives_hours_and_phone_and_asks_how_to_reach_the_person()
    {
        var chat = AtRelation(WithHours);
        chat.Send("人と話したい");

        Desk(chat, DeskEventKind.NobodyJoined, null);

        Assert.Contains("相談員がチャットに出られません", chat.LastText);
        Assert.Contains("平日 9:00〜17:00", chat.LastText);
        Assert.Contains("045-000-0000", chat.LastText);
        Assert.True(chat.State.AskingCaseContact);
        Assert.Null(chat.State.WaitingForPersonSince);

        // Told once: a late second timer turn says nothing.
        Assert.Empty(Desk(chat, DeskEventKind.NobodyJoined, null).Replies);

        chat.Send("０９０－１２３４－５６７８");
        Assert.Contains(chat.Last.SideEffects, e => e is AddContactToCase);
        Assert.Equal(IntakeStep.Relation, chat.Step);
    }

    [Theory]
    [InlineData(2026, 11, 25, 20)]
    [InlineData(2026, 11, 28, 10)]
    [InlineData(2026, 11, 23, 10)]
    public void Outside_the_hours_the_bot_says_so_plainly_and_asks_how_to_reach_the_person(int year, int month, int day, int hour)
    {
        var chat = AtRelation(WithHours, new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(9)));

        chat.Send("人と話したい");

        Assert.Contains("時間外", chat.LastText);
        Assert.Contains("平日 9:00〜17:00", chat.LastText);
        Assert.DoesNotContain("呼んでいます", chat.LastText);
        Assert.Null(chat.State.WaitingForPersonSince);
        Assert.True(chat.State.AskingCaseContact);
    }

    [Fact]
    public void Without_hours_configured_nobody_is_said_to_be_coming()
    {
        var chat = AtRelation();

        chat.Send("人と話したい");

        Assert.DoesNotContain("呼んでいます", chat.LastText);
        Assert.DoesNotContain("時間外", chat.LastText);
        Assert.Null(chat.State.WaitingForPersonSince);
        Assert.True(chat.State.AskingCaseContact);
    }

    [Fact]
    public void A_person_in_plain_japanese_is_told_in_plain_words()
    {
        var chat = new ConversationDriver(center: WithHours).SendAll("相談したい", "同意します", "本人です");
        chat.Send("ひとと はなしたい");
        Assert.Contains("そうだんいんを よんで います", chat.LastText);

        Desk(chat, DeskEventKind.Join, Sato);
        Assert.Contains("そうだんいん（佐藤）と つながりました", chat.LastText);

        Desk(chat, DeskEventKind.Handback, Sato);
        Assert.Contains("そうだんいんとの はなしは おわりました", chat.LastText);
    }
}
