using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Notifications;

/// <summary>Urgent tickets are announced to the webhook from the outbox: no personal data, retried with backoff until the receiver recovers, never in the chat turn's way.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task An_urgent_ticket_is_posted_without_personal_data_and_retried_until_the_receiver_recovers()
    {
        var received = new ConcurrentQueue<string>();
        var calls = 0;
        await using var receiver = await FakeServer.StartAsync(routes => routes.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue(await reader.ReadToEndAsync());
            var n = Interlocked.Increment(ref calls);
            if (n == 1)
            {
                await Task.Delay(1500); // slow and failing: the chat must not wait for it
            }

            return n <= 2 ? Results.StatusCode(500) : Results.Ok();
        }));
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:WebhookUrl"] = receiver.BaseUrl + "/hook",
            ["Notifications:DashboardBaseUrl"] = "https://center.example.jp",
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Notifications:RetryBaseDelay"] = "00:00:00.300",
        });

        var marker = "MARKER" + Guid.NewGuid().ToString("N")[..10];
        var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await chat.SendAsync("同意する");
        var watch = Stopwatch.StartNew();
        await chat.SendAsync($"{marker} 死にたい");
        var turn = watch.Elapsed;
        var reference = await host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Key && t.Priority == "Urgent").Select(t => t.ReferenceNumber).SingleAsync());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !await host.DbAsync(db => db.WebhookOutbox.AnyAsync(m => m.DeliveredAt != null)))
        {
            await Task.Delay(100);
        }

        var message = await host.DbAsync(db => db.WebhookOutbox.AsNoTracking().SingleAsync());
        Assert.NotNull(message.DeliveredAt);
        Assert.Equal(3, message.Attempts);
        Assert.Equal(200, message.LastStatus);
        Assert.Equal(3, received.Count);
        Assert.True(turn < TimeSpan.FromSeconds(1.5), $"the chat turn took {turn}");

        var body = JsonSerializer.Deserialize<JsonElement>(received.Last());
        Assert.Equal(["dueDate", "duty", "link", "priority", "referenceNumber", "text"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(reference, body.GetProperty("referenceNumber").GetString());
        Assert.Equal("緊急", body.GetProperty("priority").GetString());
        Assert.Equal($"https://center.example.jp/dashboard/tickets/{reference}", body.GetProperty("link").GetString());
        Assert.All(received, r => Assert.DoesNotContain(marker, r, StringComparison.Ordinal));
        Assert.All(received, r => Assert.DoesNotContain("死にたい", r, StringComparison.Ordinal));

        // Delivered once: later polls do not post it again.
        await Task.Delay(600);
        Assert.Equal(3, received.Count);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ticket_that_is_not_urgent_sends_nothing()
    {
        var calls = 0;
        await using var receiver = await FakeServer.StartAsync(routes => routes.MapPost("/hook", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Ok();
        }));
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:WebhookUrl"] = receiver.BaseUrl + "/hook",
            ["Notifications:PollInterval"] = "00:00:00.100",
        });
        await Staff.DeskFixtures.IntakeAsync(host, role: "支援者");
        var priority = await host.DbAsync(db => db.Tickets.Select(t => t.Priority).SingleAsync());
        Assert.NotEqual("Urgent", priority);
        await Task.Delay(500);
        Assert.Equal(0, await host.DbAsync(db => db.WebhookOutbox.CountAsync()));
        Assert.Equal(0, calls);
    }
}
