using System.Text.RegularExpressions;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Tickets;

/// <summary>
/// Issue 23 part 4 through the host (SQLite, or PostgreSQL with INTAKEBOT_TEST_STORAGE): the
/// 引き継ぎコード shown once after 送信, kept only as a hash, and a new chat coming back to the case
/// with it: 追記, the coordinator's replies, wrong codes limited and audited, a closed case refusing.
/// </summary>
public sealed partial class CaseKeyTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ApiMessagesChat> NewChatAsync()
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        return chat;
    }

    private static async Task<string> SayAsync(ApiMessagesChat chat, string text) =>
        string.Join("\n", (await chat.SendAsync(text)).Select(r => r.Text));

    /// <summary>Files a family intake and returns the number and code the person was shown.</summary>
    private async Task<(string Reference, string Code, ApiMessagesChat Chat)> FileAsync()
    {
        var chat = await NewChatAsync();
        var texts = await IntakeScripts.RunAsync(chat, IntakeScripts.For("家族"));
        var done = texts.Single(t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
        return (ReferenceShown().Match(done).Value, CodeShown().Match(done).Groups[1].Value, chat);
    }

    [Fact]
    public async Task Sending_shows_a_code_once_that_is_stored_only_as_a_hash()
    {
        var (reference, code, chat) = await FileAsync();

        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        var row = await _host.DbAsync(db => db.TicketCases.AsNoTracking().Include(c => c.Ticket).SingleAsync(c => c.Ticket.ReferenceNumber == reference));
        Assert.NotNull(row.AttachCodeHash);
        Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), row.AttachCodeHash);
        Assert.True(CaseKeys.Verify(row.AttachCodeHash!, code.Replace("-", string.Empty, StringComparison.Ordinal)));

        // The ticket's transcript (what coordinators read) says it was shown, never what it was.
        var transcript = TicketIntake.Read<List<Dialogs.Conversation.TranscriptEntry>>(_host.Services.GetRequiredService<TicketProtector>(), row.Ticket.TranscriptJson);
        Assert.DoesNotContain(transcript, t => t.Text.Contains(code, StringComparison.Ordinal));
        Assert.Contains(transcript, t => t.Text.Contains(Dialogs.Conversation.TurnResult.CodeShownMark, StringComparison.Ordinal));

        // The code is not said again in the same chat.
        Assert.DoesNotContain(code, await SayAsync(chat, "ありがとうございました"));
    }

    [Fact]
    public async Task A_new_chat_with_the_number_and_code_adds_to_the_ticket_and_never_sees_the_earlier_answers()
    {
        var (reference, code, _) = await FileAsync();
        var other = await NewChatAsync();

        var attached = await SayAsync(other, $"受付番号 {reference.ToLowerInvariant()} とコード {code.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}");

        Assert.Contains($"受付番号 {reference} のご相談につながりました", attached);
        Assert.Contains("相談員からの返信は、まだありません", attached);
        Assert.DoesNotContain("山田", attached);
        var added = await SayAsync(other, "母の通院先が決まりました");
        Assert.Contains("相談票に書き加えました", added);
        var ticketId = await _host.DbAsync(db => db.Tickets.Where(t => t.ReferenceNumber == reference).Select(t => t.Id).SingleAsync());
        Assert.Single(await _host.DbAsync(db => db.TicketAddenda.AsNoTracking().Where(a => a.TicketId == ticketId).ToListAsync()));
        var audit = await _host.DbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == CaseKeys.AuditAction).ToListAsync());
        Assert.Contains(audit, a => a.Outcome == AuditLog.Ok && a.TicketReference == reference);
        Assert.DoesNotContain(audit, a => (a.Detail ?? string.Empty).Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coordinators_messages_to_the_case_can_be_read_after_coming_back()
    {
        var (reference, code, chat) = await FileAsync();
        await _host.DbAsync(async db =>
        {
            // A coordinator's message as the desk stores it: a bot-side activity under the coordinator's account.
            var conversation = await db.Conversations.SingleAsync(c => c.Id == chat.Key);
            var protector = _host.Services.GetRequiredService<ConversationProtector>();
            conversation.LastSequence++;
            db.Activities.Add(new StoredActivity
            {
                ConversationId = chat.Key,
                Sequence = conversation.LastSequence,
                ActivityId = $"{chat.ConversationId}|{conversation.LastSequence:D7}",
                FromUser = false,
                Json = protector.Seal(new Activity
                {
                    Type = ActivityTypes.Message,
                    Text = "明日の午前にお電話します。",
                    From = new ChannelAccount { Id = CoordinatorReplies.CoordinatorIdPrefix + "1", Name = "田中", Role = "bot" },
                    Timestamp = DateTimeOffset.UtcNow,
                }),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var other = await NewChatAsync();

        var attached = await SayAsync(other, $"{reference} {code}");
        Assert.Contains("明日の午前にお電話します。", attached);
        Assert.Contains("田中", attached);
        Assert.Contains("明日の午前にお電話します。", await SayAsync(other, "相談員からの返信を見る"));
    }

    [Fact]
    public async Task Wrong_codes_are_audited_and_lock_the_number_for_a_while_even_with_the_right_code()
    {
        var (reference, code, _) = await FileAsync();

        // Three wrong tries per chat; the fifth wrong one for the number locks it.
        for (var i = 0; i < CaseKeys.MaxFailures; i++)
        {
            var guesser = await NewChatAsync();
            Assert.Contains("受付番号かコードが違います", await SayAsync(guesser, $"{reference} ZZZZ-{1000 + i}"));
        }

        var owner = await NewChatAsync();
        var refused = await SayAsync(owner, $"{reference} {code}");
        Assert.Contains("しばらく使えません", refused);
        Assert.DoesNotContain("つながりました", refused);
        var audit = await _host.DbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == CaseKeys.AuditAction && a.TicketReference == reference).ToListAsync());
        Assert.Equal(CaseKeys.MaxFailures + 1, audit.Count(a => a.Outcome == AuditLog.Denied));
    }

    [Fact]
    public async Task One_chat_may_guess_three_times_and_then_only_gets_the_phone()
    {
        var (reference, code, _) = await FileAsync();
        var guesser = await NewChatAsync();
        for (var i = 0; i < 3; i++)
        {
            await SayAsync(guesser, $"{reference} ZZZZ-{2000 + i}");
        }

        var after = await SayAsync(guesser, $"{reference} {code}");

        Assert.Contains("確認できませんでした", after);
        Assert.DoesNotContain("つながりました", after);
    }

    [Fact]
    public async Task A_number_that_does_not_exist_is_answered_like_a_wrong_code()
    {
        var chat = await NewChatAsync();

        var said = await SayAsync(chat, "KN-2026-999999 7KQ2-MX9D");

        Assert.Contains("受付番号かコードが違います", said);
        Assert.Contains(await _host.DbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == CaseKeys.AuditAction).ToListAsync()), a => a.Outcome == AuditLog.NotFound);
    }

    [Fact]
    public async Task A_closed_case_refuses_its_code_and_an_attached_chat_stops_adding()
    {
        var (reference, code, _) = await FileAsync();
        var other = await NewChatAsync();
        await SayAsync(other, $"{reference} {code}");

        await _host.DbAsync(db => db.Tickets.Where(t => t.ReferenceNumber == reference).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatuses.Closed)));

        Assert.Contains("終了していて", await SayAsync(other, "相談員からの返信を見る"));
        var late = await NewChatAsync();
        Assert.Contains("終了していて", await SayAsync(late, $"{reference} {code}"));
    }

    [Fact]
    public async Task Only_the_chat_the_code_attached_may_add_to_the_ticket()
    {
        var (reference, code, _) = await FileAsync();
        var first = await NewChatAsync();
        await SayAsync(first, $"{reference} {code}");
        var second = await NewChatAsync();
        await SayAsync(second, $"{reference} {code}");

        // The code attached the second chat last: the first one's message is not added any more.
        await SayAsync(first, "これは前の端末からです");
        await SayAsync(second, "これは新しい端末からです");

        var ticketId = await _host.DbAsync(db => db.Tickets.Where(t => t.ReferenceNumber == reference).Select(t => t.Id).SingleAsync());
        Assert.Single(await _host.DbAsync(db => db.TicketAddenda.AsNoTracking().Where(a => a.TicketId == ticketId).ToListAsync()));
    }

    [GeneratedRegex(@"KN-\d{4}-\d{6}")]
    private static partial Regex ReferenceShown();

    [GeneratedRegex(@"引き継ぎコードは ([0-9A-Z]{4}-[0-9A-Z]{4}) です")]
    private static partial Regex CodeShown();
}
