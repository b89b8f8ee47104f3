using IntakeBot.Bot.Channels.Line;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Channels.Line;

/// <summary>Sending to LINE when the platform throttles, fails, lets reply tokens expire or does not answer.</summary>
public sealed class LineDeliveryTests
{
    private const string Consent = "同意していただけますか";

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After_and_the_answer_arrives_once()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();
        line.Fail("reply", 429, retryAfterSeconds: 2);

        var answer = await chat.SendAsync("相談を始める");

        Assert.Contains(answer, m => m.Text!.Contains(Consent, StringComparison.Ordinal));
        var refused = line.Calls.Single(c => c.Status == 429);
        var sent = line.Calls.Last(c => c.Accepted);
        Assert.Equal("push", sent.Endpoint);
        Assert.True(sent.At - refused.At >= TimeSpan.FromSeconds(1.9), $"retried after {(sent.At - refused.At).TotalSeconds:F1} s");
        Assert.Equal(1, line.DeliveredTo(chat.UserId).Count(m => m["text"]!.GetValue<string>().Contains(Consent, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_expired_reply_token_falls_back_to_push_and_server_errors_are_retried_with_the_same_retry_key()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        line.ReplyTokenLifetime = TimeSpan.Zero;
        line.Fail("push", 500, times: 2);
        var chat = new LineChat(line, host.Client);

        var welcome = await chat.StartAsync();

        Assert.Single(line.Calls, c => c.Endpoint == "reply" && c.Status == 400);
        var pushes = line.Calls.Where(c => c.Endpoint == "push").ToList();
        Assert.Equal([500, 500, 200], pushes.Select(p => p.Status));
        Assert.Single(pushes.Select(p => p.RetryKey).Distinct());
        // Pushed, so the phone's notification shows only the neutral line.
        Assert.Equal(LineMessageRenderer.NotificationLine, welcome[0].Text);
        Assert.Contains(welcome, m => m.Text!.Contains("チャット相談窓口", StringComparison.Ordinal));
        Assert.Empty(line.Violations);
    }

    [Fact]
    public async Task A_push_that_times_out_is_retried_and_delivered_once()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        var settings = line.Settings();
        settings["Line:RequestTimeout"] = "00:00:01";
        await using var host = await BotHost.StartAsync(settings: settings);
        line.ReplyTokenLifetime = TimeSpan.Zero;
        line.Hang("push");
        var chat = new LineChat(line, host.Client);

        var welcome = await chat.StartAsync();

        Assert.Equal(1, line.HungCalls);
        Assert.Equal(1, welcome.Count(m => m.Text!.Contains("チャット相談窓口", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_stop_between_receiving_and_replying_still_answers_exactly_once_after_the_restart()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        var chatUser = "U" + Guid.NewGuid().ToString("N");
        var follow = line.Event("follow", chatUser);
        line.Hang("reply");
        await using (var first = await BotHost.StartAsync(dataFolder: data, settings: line.Settings(), keepData: true))
        {
            using var response = await FakeLinePlatform.PostAsync(first.Client, follow);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            await FakeLinePlatform.WaitForAsync(() => line.HungCalls == 1, "the reply call to hang");
        }

        Assert.Empty(line.DeliveredTo(chatUser));
        await using var second = await BotHost.StartAsync(dataFolder: data, settings: line.Settings());
        await FakeLinePlatform.WaitForAsync(() => line.DeliveredTo(chatUser).Count > 0, "the answer after the restart");
        await Task.Delay(1500);

        var welcomes = line.DeliveredTo(chatUser).Count(m => m["text"]!.GetValue<string>().Contains("チャット相談窓口", StringComparison.Ordinal));
        Assert.Equal(1, welcomes);
        var eventId = follow["webhookEventId"]!.GetValue<string>();
        Assert.Equal(1, await second.DbAsync(db => db.ProcessedActivities.CountAsync(p => p.IncomingId == eventId)));
        Assert.Equal(0, await second.DbAsync(db => db.Set<LineOutboundMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_slow_turn_shows_the_loading_animation_in_the_users_chat()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        var settings = line.Settings();
        settings["Line:LoadingAfter"] = "00:00:00";
        await using var host = await BotHost.StartAsync(settings: settings);
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();

        await chat.SendAsync("相談を始める");

        var loading = Assert.Single(line.Calls, c => c.Endpoint == "loading");
        Assert.Equal(chat.UserId, loading.UserId);
    }
}
