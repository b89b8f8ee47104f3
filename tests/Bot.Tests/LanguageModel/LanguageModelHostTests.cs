using System.Text.RegularExpressions;
using IntakeBot.Bot.LanguageModel;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Tickets;
using IntakeBot.Bot.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntakeBot.Bot.Tests.LanguageModel;

/// <summary>The model through the real host: a story, a ticket with its summary, and the bot without the model.</summary>
[Collection(nameof(ModelHostCollection))]
public sealed partial class LanguageModelHostTests(ModelHostFixture fixture)
{
    private const string Story = LanguageModelGatewayTests.Story;

    [Fact]
    public async Task A_vague_story_gets_one_confirmation_with_the_model_facts_and_the_ticket_a_labelled_summary()
    {
        fixture.Reset();
        var host = fixture.Host;
        var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        await chat.SendAsync(Story);

        var confirmation = await chat.SendAsync("同意する");

        var story = Assert.Single(confirmation, r => r.Text!.Contains("次のように理解しました", StringComparison.Ordinal));
        foreach (var fact in new[] { "配偶者（夫・妻）", "67歳", "刑務所・少年院から出た", "住まい" })
        {
            Assert.Contains(fact, story.Text, StringComparison.Ordinal);
        }

        Assert.Equal(["はい", "直す"], story.SuggestedActions!.Actions.Select(a => a.Title));
        var storyCall = Assert.Single(fixture.Fake.Calls, c => c.IsStory);
        foreach (var personal in LanguageModelGatewayTests.Personal)
        {
            Assert.DoesNotContain(personal, storyCall.Raw, StringComparison.Ordinal);
        }

        var texts = await StoryChat.RunAsync(new ContinuedChat(chat), Story);
        var reference = DeskFixtures.ReferencePattern().Match(string.Join("\n", texts)).Value;
        Assert.NotEmpty(reference);

        var summary = await WaitForSummaryAsync(host, reference);
        Assert.Equal(3, summary.Split('\n').Length);
        Assert.Contains("最近出所し、住まいに困っている。", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("[PERSON_1]", summary, StringComparison.Ordinal);
        var summaryCall = Assert.Single(fixture.Fake.Calls, c => c.IsSummary);
        foreach (var personal in LanguageModelGatewayTests.Personal)
        {
            Assert.DoesNotContain(personal, summaryCall.Raw, StringComparison.Ordinal);
        }

        Assert.Single(await fixture.AuditAsync("model.summary"), a => a.TicketReference == reference && a.Outcome == "ok");
        Assert.Single(await host.DbAsync(db => db.TicketEvents.AsNoTracking().Where(e => e.Kind == TicketSummaries.EventKind && e.TicketId == db.Tickets.Single(t => t.ReferenceNumber == reference).Id).ToListAsync()));

        await host.AddStaffAsync("summary-reader");
        using var session = await StaffSession.LoginAsync(host, "summary-reader");
        var page = await session.Client.GetStringAsync($"dashboard/tickets/{reference}");
        Assert.Contains(TicketSummaries.Label, page, StringComparison.Ordinal);
        Assert.Contains("最近出所し、住まいに困っている。", page, StringComparison.Ordinal);

        // Once there is a summary, nobody asks again.
        fixture.Fake.Calls.Clear();
        Assert.Equal(0, await host.Services.GetRequiredService<TicketSummaries>().RunDueAsync(CancellationToken.None));
        Assert.Empty(fixture.Fake.Calls);
    }

    [Fact]
    public async Task A_failed_summary_is_retried_later_and_stored_once()
    {
        fixture.Reset((call, _) => Task.FromResult(call.IsSummary ? FakeOpenAi.Error(503, "overloaded", "busy", retryAfterSeconds: 1) : FakeOpenAi.DefaultAnswer(call)));
        var host = fixture.Host;
        var texts = await StoryChat.RunAsync(new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N")), Story);
        var reference = DeskFixtures.ReferencePattern().Match(string.Join("\n", texts)).Value;
        await WaitUntilAsync(() => fixture.Fake.Calls.Count(c => c.IsSummary) >= 2);
        Assert.Null(await SummaryAsync(host, reference));

        fixture.Fake.Respond = (call, _) => Task.FromResult(FakeOpenAi.DefaultAnswer(call));
        var summary = await WaitForSummaryAsync(host, reference);

        Assert.NotNull(summary);
        var summaries = host.Services.GetRequiredService<TicketSummaries>();
        await Task.WhenAll(summaries.RunDueAsync(CancellationToken.None), summaries.RunDueAsync(CancellationToken.None));
        Assert.Single(await host.DbAsync(db => db.TicketEvents.AsNoTracking().Where(e => e.Kind == TicketSummaries.EventKind && e.TicketId == db.Tickets.Single(t => t.ReferenceNumber == reference).Id).ToListAsync()));
    }

    [Fact]
    public async Task With_the_model_off_by_default_or_timing_out_the_bot_says_exactly_what_it_says_without_it()
    {
        await using var fake = await FakeOpenAi.StartAsync();
        fake.Respond = (_, aborted) => FakeOpenAi.Slow(aborted);
        var off = fake.Settings();
        off.Remove("LanguageModel:Enabled"); // endpoint and key configured, the switch left at its default
        var slow = fake.Settings(timeoutSeconds: 1);

        List<string> withoutModel;
        await using (var host = await BotHost.StartAsync(settings: off))
        {
            Assert.IsType<NoTurnPreparer>(host.Services.GetRequiredService<ITurnPreparer>());
            Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is TicketSummaryWorker);
            withoutModel = await StoryChat.RunAsync(new ApiMessagesChat(host.Client, "same-conversation"), Story, "センターは何をしてくれますか？");
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Empty(fake.Calls);
        }

        await using (var host = await BotHost.StartAsync(settings: slow))
        {
            var timingOut = await StoryChat.RunAsync(new ApiMessagesChat(host.Client, "same-conversation"), Story, "センターは何をしてくれますか？");
            // The same words, but for the 引き継ぎコード: a new random one for every ticket.
            Assert.Equal(WithoutCode(withoutModel), WithoutCode(timingOut));
            Assert.Contains(fake.Calls, c => c.IsStory);
            Assert.Contains(fake.Calls, c => c.IsAnswer);
            var reference = DeskFixtures.ReferencePattern().Match(string.Join("\n", timingOut)).Value;
            Assert.Null(await SummaryAsync(host, reference));
        }
    }

    private static Task<string?> SummaryAsync(BotHost host, string reference) => host.DbAsync(async db =>
    {
        var stored = await db.TicketCases.AsNoTracking().Where(c => c.Ticket.ReferenceNumber == reference).Select(c => c.ProtectedSummary).SingleAsync();
        return stored is null ? null : host.Services.GetRequiredService<TicketProtector>().Unprotect(stored);
    });

    private static async Task<string> WaitForSummaryAsync(BotHost host, string reference)
    {
        string? summary = null;
        await WaitUntilAsync(async () => (summary = await SummaryAsync(host, reference)) is not null);
        return summary!;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting");
            await Task.Delay(100);
        }
    }

    /// <summary>A chat already started and past its story: StoryChat's opening turns are skipped.</summary>
    private sealed class ContinuedChat(ApiMessagesChat inner) : IChat
    {
        private int _skip = 2;

        public Task<IReadOnlyList<Activities.Activity>> StartAsync() => Task.FromResult<IReadOnlyList<Activities.Activity>>([]);

        public async Task<IReadOnlyList<Activities.Activity>> SendAsync(string text)
        {
            if (_skip > 0 && (text == Story || text == "同意する"))
            {
                _skip--;
                return text == "同意する" ? await inner.SendAsync("はい") : [];
            }

            return await inner.SendAsync(text);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static List<string> WithoutCode(List<string> texts) =>
        texts.Select(t => System.Text.RegularExpressions.Regex.Replace(t, "[0-9A-Z]{4}-[0-9A-Z]{4} です", "XXXX-XXXX です")).ToList();
}
