using System.Collections.Concurrent;
using System.Text.Json;
using IntakeBot.Bot.Notifications;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Dialogs.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Notifications;

/// <summary>
/// Issue 23, part 5: tickets whose due date is today or past, and 業務2 tickets whose follow-up
/// date (their due date) has come, are listed first on the queue and announced once through the webhook.
/// </summary>
public sealed class DeskReminderTests
{
    private const string NameMarker = "リマインダ確認";

    private static DateOnly Today => IntakeConversation.CenterDate(DateTimeOffset.UtcNow);

    /// <summary>Filed tickets moved in time: (reference, duty, due in days, filed days ago, closed).</summary>
    private static async Task<Dictionary<string, string>> TicketsAsync(BotHost host, params (string Key, int Duty, int DueInDays, int FiledDaysAgo, bool Closed)[] shapes)
    {
        var references = new Dictionary<string, string>();
        foreach (var shape in shapes)
        {
            var (reference, _) = await DeskFixtures.IntakeAsync(host, name: NameMarker);
            references[shape.Key] = reference;
            await host.DbAsync(async db =>
            {
                var due = Today.AddDays(shape.DueInDays);
                await db.TicketCases.Where(c => c.Ticket.ReferenceNumber == reference)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Duty, shape.Duty).SetProperty(c => c.DueDate, due));
                var filed = DateTimeOffset.UtcNow.AddDays(-shape.FiledDaysAgo);
                await db.Tickets.Where(t => t.ReferenceNumber == reference)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, filed).SetProperty(t => t.Status, shape.Closed ? "終了" : "新規"));
                return 0;
            });
        }

        return references;
    }

    [Fact]
    public async Task Reminders_are_listed_above_the_queue_due_ones_and_follow_ups_apart_and_not_closed_or_later_tickets()
    {
        await using var host = await BotHost.StartAsync();
        await host.AddStaffAsync("tanaka");
        var t = await TicketsAsync(host, ("late", 4, -2, 5, false), ("today", 1, 0, 1, false), ("follow", 2, 0, 10, false), ("closed", 4, -1, 5, true), ("later", 4, 3, 1, false), ("followLater", 2, 5, 1, false));
        using var coordinator = await StaffSession.LoginAsync(host, "tanaka");
        var page = await coordinator.Client.GetStringAsync("dashboard");

        var dueAt = page.IndexOf("期限が今日・過ぎた相談票（2件）", StringComparison.Ordinal);
        var followAt = page.IndexOf("業務2 のフォロー日が来たもの（1件）", StringComparison.Ordinal);
        var tableAt = page.IndexOf("<table class=\"queue\"", StringComparison.Ordinal);
        Assert.True(dueAt > 0 && followAt > dueAt && tableAt > followAt, "the reminders come before the queue");
        var dueList = page[dueAt..followAt];
        var followList = page[followAt..tableAt];
        Assert.True(dueList.IndexOf(t["late"], StringComparison.Ordinal) is > 0 and var late && late < dueList.IndexOf(t["today"], StringComparison.Ordinal), "most overdue first");
        Assert.Contains("2日超過", dueList, StringComparison.Ordinal);
        Assert.Contains(t["follow"], followList, StringComparison.Ordinal);
        foreach (var absent in new[] { t["closed"], t["later"], t["followLater"], t["follow"] })
        {
            Assert.DoesNotContain(absent, dueList, StringComparison.Ordinal);
        }

        foreach (var absent in new[] { t["closed"], t["later"], t["followLater"], t["late"] })
        {
            Assert.DoesNotContain(absent, followList, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_reminder_goes_to_the_webhook_once_across_runs_restarts_and_two_instances_and_none_for_closed_tickets()
    {
        var received = new ConcurrentQueue<string>();
        await using var receiver = await FakeServer.StartAsync(routes => routes.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        }));
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:WebhookUrl"] = receiver.BaseUrl + "/hook",
            ["Notifications:DashboardBaseUrl"] = "https://center.example.jp",
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Notifications:ReminderInterval"] = "01:00:00",
        };
        var host = await BotHost.StartAsync(settings: settings, keepData: true);
        var dataFolder = host.DataFolder;
        Dictionary<string, string> t;
        try
        {
            t = await TicketsAsync(host, ("late", 4, -1, 3, false), ("follow", 2, 0, 7, false), ("closed", 4, -3, 9, true), ("later", 4, 2, 1, false), ("filedToday", 4, 0, 0, false));
            var job = host.Services.GetRequiredService<DeskReminderJob>();
            Assert.Equal(2, await job.RunOnceAsync(CancellationToken.None));
            Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));

            // Two instances finding the same new reminder at once: the unique marker lets one write it.
            var racing = await TicketsAsync(host, ("race", 1, -1, 2, false));
            var other = ActivatorUtilities.CreateInstance<DeskReminderJob>(host.Services);
            var counts = await Task.WhenAll(job.RunOnceAsync(CancellationToken.None), other.RunOnceAsync(CancellationToken.None));
            Assert.Equal(1, counts.Sum());
            t["race"] = racing["race"];

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline && received.Count < 3)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        // A restart on the same data sends nothing again.
        await using (var restarted = await BotHost.StartAsync(dataFolder: dataFolder, settings: settings))
        {
            Assert.Equal(0, await restarted.Services.GetRequiredService<DeskReminderJob>().RunOnceAsync(CancellationToken.None));
            Assert.Equal(3, await restarted.DbAsync(db => db.Set<DeskReminder>().CountAsync()));
        }

        await Task.Delay(300);
        Assert.Equal(3, received.Count);
        var bodies = received.Select(r => JsonSerializer.Deserialize<JsonElement>(r)).ToList();
        Assert.All(bodies, b => Assert.Equal(["dueDate", "duty", "link", "priority", "referenceNumber", "reminder", "text"], b.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.Equal(new[] { t["late"], t["follow"], t["race"] }.Order(StringComparer.Ordinal), bodies.Select(b => b.GetProperty("referenceNumber").GetString()!).Order(StringComparer.Ordinal));
        var follow = bodies.Single(b => b.GetProperty("referenceNumber").GetString() == t["follow"]);
        Assert.Equal("followup", follow.GetProperty("reminder").GetString());
        Assert.StartsWith("【フォロー日】", follow.GetProperty("text").GetString(), StringComparison.Ordinal);
        var late = bodies.Single(b => b.GetProperty("referenceNumber").GetString() == t["late"]);
        Assert.Equal("due", late.GetProperty("reminder").GetString());
        Assert.Contains("期限が過ぎています", late.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal($"https://center.example.jp/dashboard/tickets/{t["late"]}", late.GetProperty("link").GetString());
        Assert.All(received, r => Assert.DoesNotContain(NameMarker, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_webhook_nothing_is_marked_sent_so_turning_it_on_later_still_sends_the_reminders()
    {
        await using var host = await BotHost.StartAsync();
        await TicketsAsync(host, ("late", 4, -1, 3, false));
        Assert.Equal(0, await host.Services.GetRequiredService<DeskReminderJob>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await host.DbAsync(db => db.Set<DeskReminder>().CountAsync()));
    }
}
