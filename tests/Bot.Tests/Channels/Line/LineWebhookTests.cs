using System.Net;
using System.Text;
using IntakeBot.Bot.Channels.Line;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tests.Channels.Line;

/// <summary>What the webhook refuses or ignores: 4xx or a plain 200, never a 5xx, and nothing stored or sent.</summary>
public sealed class LineWebhookTests
{
    [Fact]
    public async Task A_bad_or_missing_signature_gets_401_and_nothing_is_stored_or_sent()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var body = FakeLinePlatform.Body(line.TextEvent("U" + Guid.NewGuid().ToString("N"), "相談を始める"));
        var otherBody = FakeLinePlatform.Body(line.TextEvent("U" + Guid.NewGuid().ToString("N"), "ほかの本文"));

        string?[] signatures =
        [
            null, string.Empty, "not-base64!", Convert.ToBase64String(new byte[32]),
            LineSignature.Sign(FakeLinePlatform.ChannelSecret, Encoding.UTF8.GetBytes(otherBody)),
            LineSignature.Sign("another-channels-secret", Encoding.UTF8.GetBytes(body)),
        ];
        foreach (var signature in signatures)
        {
            using var response = await FakeLinePlatform.PostAsync(host.Client, body, signature);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await AssertNothingStoredAsync(host, line);
    }

    [Fact]
    public async Task Oversized_malformed_and_unknown_bodies_get_4xx_or_are_ignored_never_5xx_and_nothing_is_stored()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var user = "U" + Guid.NewGuid().ToString("N");

        using (var huge = await FakeLinePlatform.PostAsync(host.Client, FakeLinePlatform.Body(line.TextEvent(user, new string('あ', 600_000)))))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        foreach (var malformed in new[] { "{", "[]", "{\"events\":{}}", "null", "{\"destination\":\"U1\"}" })
        {
            using var response = await FakeLinePlatform.PostAsync(host.Client, malformed);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var ignored = new[]
        {
            line.Event("beacon", user),
            line.Event("memberJoined", user),
            line.Event("unsend", user),
            // A group chat, a standby event, one without a user or an id.
            line.Event("message", user, e => { e["source"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "group", ["groupId"] = "C1", ["userId"] = user }; e["message"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "text", ["text"] = "やあ" }; }),
            line.Event("message", user, e => { e["mode"] = "standby"; e["message"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "text", ["text"] = "やあ" }; }),
            line.Event("follow", user, e => e.Remove("source")),
            line.Event("follow", user, e => e.Remove("webhookEventId")),
            line.Event("follow", user, e => e["webhookEventId"] = 42),
        };
        using (var unknown = await FakeLinePlatform.PostAsync(host.Client, ignored))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        }

        // LINE's "Verify" button in the console sends no events.
        using (var verify = await FakeLinePlatform.PostAsync(host.Client, FakeLinePlatform.Body()))
        {
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        }

        await AssertNothingStoredAsync(host, line);
        Assert.DoesNotContain(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_replayed_later_with_its_valid_signature_runs_nothing()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var user = "U" + Guid.NewGuid().ToString("N");
        var old = FakeLinePlatform.Body(line.Event("follow", user, at: DateTimeOffset.UtcNow.AddHours(-3)));

        using var response = await FakeLinePlatform.PostAsync(host.Client, old);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingStoredAsync(host, line);
    }

    [Fact]
    public async Task A_redelivered_event_runs_one_turn_even_when_both_copies_arrive_at_once()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();
        var message = line.TextEvent(chat.UserId, "相談を始める");
        var body = FakeLinePlatform.Body(message);
        message["deliveryContext"]!["isRedelivery"] = true;
        var redelivery = FakeLinePlatform.Body(message);

        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => FakeLinePlatform.PostAsync(host.Client, i % 2 == 0 ? body : redelivery)));
        var answer = await chat.NextMessagesAsync();
        await Task.Delay(1000);
        using (var late = await FakeLinePlatform.PostAsync(host.Client, redelivery))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        await Task.Delay(1000);
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Contains(answer, m => m.Text!.Contains("同意していただけますか", StringComparison.Ordinal));
        Assert.Equal(1, line.DeliveredTo(chat.UserId).Count(m => m["text"]!.GetValue<string>().Contains("同意していただけますか", StringComparison.Ordinal)));
        var eventId = message["webhookEventId"]!.GetValue<string>();
        Assert.Equal(1, await host.DbAsync(db => db.Set<LineInboundEvent>().CountAsync(e => e.WebhookEventId == eventId)));
        Assert.Equal(1, await host.DbAsync(db => db.ProcessedActivities.CountAsync(p => p.IncomingId == eventId)));
        Assert.Equal(1, await host.DbAsync(db => db.Activities.CountAsync(a => a.FromUser)));
    }

    [Fact]
    public async Task The_channel_is_off_without_a_secret_and_a_secret_without_a_token_stops_the_start()
    {
        await using (var off = await BotHost.StartAsync())
        {
            using var response = await FakeLinePlatform.PostAsync(off.Client, FakeLinePlatform.Body());
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Line:ChannelSecret"] = FakeLinePlatform.ChannelSecret,
        }));
        Assert.Contains("Line:ChannelAccessToken", failure.Message, StringComparison.Ordinal);
    }

    private static async Task AssertNothingStoredAsync(BotHost host, FakeLinePlatform line)
    {
        await Task.Delay(300);
        Assert.Equal(0, await host.DbAsync(db => db.Set<LineInboundEvent>().CountAsync()));
        Assert.Equal(0, await host.DbAsync(db => db.Set<LineUser>().CountAsync()));
        Assert.Equal(0, await host.DbAsync(db => db.Conversations.CountAsync()));
        Assert.Empty(line.Calls);
    }
}
