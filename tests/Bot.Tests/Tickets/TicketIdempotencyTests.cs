using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Tickets;

/// <summary>SECURITY.md case 4 for the coordinators' rows: a conversation's ticket turn sent again (retry, restart) still gives one ticket, one queue row, one checklist, one webhook message.</summary>
public sealed class TicketIdempotencyTests
{
    private static readonly Dictionary<string, string?> Webhook = new()
    {
        // Nobody listens there: the message stays in the outbox, so duplicates would show.
        ["Notifications:WebhookUrl"] = "http://127.0.0.1:1/hook",
        ["Notifications:PollInterval"] = "00:10:00",
    };

    private static async Task<(int Tickets, int Cases, int Checklist, int Outbox)> CountsAsync(BotHost host) =>
        (await host.DbAsync(db => db.Tickets.CountAsync()), await host.DbAsync(db => db.TicketCases.CountAsync()),
         await host.DbAsync(db => db.TicketChecklist.CountAsync()), await host.DbAsync(db => db.WebhookOutbox.CountAsync()));

    [Fact]
    public async Task A_crisis_turn_sent_twice_and_again_after_a_restart_yields_one_ticket_and_one_notification()
    {
        var folder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        Activity crisis;
        string conversationId;
        (int, int, int, int) counts;
        await using (var host = await BotHost.StartAsync(folder, Webhook, keepData: true))
        {
            var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
            conversationId = chat.ConversationId;
            await chat.StartAsync();
            await chat.SendAsync("相談を始める");
            await chat.SendAsync("同意する");
            crisis = chat.NewActivity(ActivityTypes.Message, "もう死にたい");
            var first = await chat.PostAsync(crisis);
            var retry = await chat.PostAsync(crisis);
            Assert.Equal(first.Select(a => a.Text), retry.Select(a => a.Text));
            counts = await CountsAsync(host);
            Assert.Equal(1, counts.Item1);
            Assert.Equal(1, counts.Item2);
            Assert.Equal(1, counts.Item4);
        }

        await using (var restarted = await BotHost.StartAsync(folder, Webhook))
        {
            await new ApiMessagesChat(restarted.Client, conversationId).PostAsync(crisis);
            Assert.Equal(counts, await CountsAsync(restarted));

            // The key ring survived the restart: the ticket still decrypts for a coordinator.
            await restarted.AddStaffAsync("tanaka");
            using var session = await StaffSession.LoginAsync(restarted, "tanaka");
            var reference = await restarted.DbAsync(db => db.Tickets.Select(t => t.ReferenceNumber).SingleAsync());
            var page = await session.Client.GetStringAsync($"dashboard/tickets/{reference}");
            Assert.Contains("もう死にたい", page, StringComparison.Ordinal);
            Assert.Contains("緊急", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Finishing_the_same_intake_twice_and_after_a_restart_yields_one_ticket()
    {
        var folder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        Activity last;
        string conversationId;
        (int, int, int, int) counts;
        await using (var host = await BotHost.StartAsync(folder, keepData: true))
        {
            var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
            conversationId = chat.ConversationId;
            await chat.StartAsync();
            var script = IntakeScripts.For("弁護士");
            await IntakeScripts.RunAsync(chat, script.Take(script.Count - 1));
            last = chat.NewActivity(ActivityTypes.Message, script[^1]);
            await chat.PostAsync(last);
            await chat.PostAsync(last);
            counts = await CountsAsync(host);
            Assert.Equal(1, counts.Item1);
            Assert.Equal(1, counts.Item2);
        }

        await using (var restarted = await BotHost.StartAsync(folder))
        {
            await new ApiMessagesChat(restarted.Client, conversationId).PostAsync(last);
            Assert.Equal(counts, await CountsAsync(restarted));
        }
    }
}
