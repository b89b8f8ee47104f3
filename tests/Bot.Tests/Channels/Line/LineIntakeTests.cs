using IntakeBot.Bot.Channels.Line;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Channels.Line;

/// <summary>Whole intakes over LINE, through the fake LINE Platform: webhook in, reply and push out.</summary>
public sealed class LineIntakeTests
{
    // A 本人 who types everything (kana, full-width digits, no buttons), as in the core's own tests.
    private static readonly string[] SelfInFreeText =
    [
        "相談したいです", "はい", "自分のことです", "４５さい", "知的", "ない", "りょういく手帳をもってます", "ない",
        "先月刑務所を出ました", "10月1日", "横浜市", "家がない", "うん", "住むところと仕事", "山田太郎", "ヤマダタロウです", "０９０１２３４５６７８",
        "午後ならいつでも", "送信する",
    ];

    [Theory]
    [MemberData(nameof(IntakeScripts.Roles), MemberType = typeof(IntakeScripts))]
    public async Task A_whole_intake_over_LINE_with_quick_replies_files_one_ticket_for_each_role(string role)
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);

        var welcome = await chat.StartAsync();
        Assert.Contains(welcome, m => m.Text!.Contains("チャット相談窓口", StringComparison.Ordinal));
        Assert.Contains(chat.QuickReplies, q => q.Text == "相談を始める");

        var texts = await IntakeScripts.RunAsync(chat, IntakeScripts.For(role));

        Assert.Contains(texts, t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
        Assert.True(chat.Taps >= 5, $"only {chat.Taps} answers were quick reply taps");
        Assert.Empty(line.Violations);
        var conversations = await host.DbAsync(db => db.Conversations.AsNoTracking().Where(c => c.ChannelId == LineChannel.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(1, await host.DbAsync(db => db.Tickets.CountAsync(t => conversations.Contains(t.ConversationId))));
        // Nothing of the account's token or the user's LINE id in the logs or in the stored bytes.
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(FakeLinePlatform.AccessToken, StringComparison.Ordinal) || l.Contains(chat.UserId, StringComparison.Ordinal));
        var stored = System.Text.Encoding.UTF8.GetString(await host.StoredBytesAsync());
        Assert.DoesNotContain(chat.UserId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLinePlatform.AccessToken, stored, StringComparison.Ordinal);
        // What the person wrote passed through the event queue too: sealed there as in the stream.
        Assert.DoesNotContain("090-1234-5678", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("090-1234-5678", string.Join("\n", host.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_intake_in_kana_and_full_width_digits_over_LINE_files_a_ticket()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client, tapQuickReplies: false);
        await chat.StartAsync();

        var texts = await IntakeScripts.RunAsync(chat, SelfInFreeText);

        Assert.Equal(0, chat.Taps);
        Assert.Contains(texts, t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
        Assert.Empty(line.Violations);
    }

    [Fact]
    public async Task After_a_filed_intake_or_starting_over_the_next_message_opens_a_fresh_conversation()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await chat.SendAsync("同意する");
        await chat.SendAsync("本人です");

        await chat.SendAsync("最初から");
        var again = await chat.SendAsync("相談を始める");

        // The fresh conversation asks for consent again: the same gate as the web.
        Assert.Contains(again, m => m.Text!.Contains("同意していただけますか", StringComparison.Ordinal));
        var keys = await host.DbAsync(db => db.Conversations.AsNoTracking().Where(c => c.ChannelId == LineChannel.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.DoesNotContain(chat.UserId, k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unfollow_deletes_the_conversations_unfinished_answers_as_quitting_does()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await chat.SendAsync("同意する");
        await chat.SendAsync("家族・親族です");
        var key = await host.DbAsync(db => db.Conversations.AsNoTracking().Where(c => c.ChannelId == LineChannel.Id).Select(c => c.Id).SingleAsync());
        var delivered = line.DeliveredTo(chat.UserId).Count;

        using var response = await FakeLinePlatform.PostAsync(host.Client, line.Event("unfollow", chat.UserId, replyToken: false));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await FakeLinePlatform.WaitForAsync(
            () => host.DbAsync(db => db.Set<LineInboundEvent>().AnyAsync(e => e.Type == "unfollow" && e.DoneAt != null)).GetAwaiter().GetResult(),
            "the unfollow to run");
        var protector = host.Services.GetRequiredService<ConversationProtector>();
        var said = await host.DbAsync(db => db.Activities.AsNoTracking().Where(a => a.ConversationId == key && a.FromUser).Select(a => a.Json).ToListAsync());
        Assert.All(said, json => Assert.Equal(ReplyRenderer.DeletedText, protector.OpenActivity(json).Text));
        await Task.Delay(500);
        Assert.Equal(delivered, line.DeliveredTo(chat.UserId).Count);
    }

    [Fact]
    public async Task A_sticker_gets_a_polite_ask_for_text_and_a_postback_runs_as_its_data()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();

        var sticker = await chat.SendEventAsync(line.Event("message", chat.UserId, e => e["message"] = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "sticker", ["id"] = "1", ["packageId"] = "446", ["stickerId"] = "1988",
        }));
        var postback = await chat.SendEventAsync(line.Event("postback", chat.UserId, e => e["postback"] = new System.Text.Json.Nodes.JsonObject
        {
            ["data"] = "相談を始める",
        }));

        Assert.Equal(LineEventWorker.TextOnly, Assert.Single(sticker).Text);
        Assert.Contains(postback, m => m.Text!.Contains("同意していただけますか", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_turn_run_for_a_LINE_conversation_outside_the_webhook_is_pushed_with_a_neutral_first_line()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        var record = await host.DbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.ChannelId == LineChannel.Id));

        // As a coordinator's message will come: a turn through TurnRunner with the stored address.
        var turns = host.Services.GetRequiredService<TurnRunner>();
        var outcome = await turns.RunAsync(new TurnRequest(LineConversations.Address(record.Id, record.UserId),
            Dialogs.Conversation.UserInput.Message("ヘルプ"), null, "desk-message-1", AssignUserActivityId: true, CreateIfMissing: false, DeliverToServiceUrl: false), CancellationToken.None);

        Assert.Equal(TurnStatus.Ran, outcome.Status);
        var pushed = await chat.NextMessagesAsync();
        Assert.Equal(LineMessageRenderer.NotificationLine, pushed[0].Text);
        var call = line.Calls.Last(c => c.Accepted && c.Endpoint == "push");
        Assert.Equal(chat.UserId, call.UserId);
        Assert.True(Guid.TryParse(call.RetryKey, out _));
    }
}
