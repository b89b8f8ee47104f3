using IntakeBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>Conversations and tickets survive a restart; SQLite runs as DESIGN.md asks.</summary>
public sealed class DurabilityTests
{
    [Fact]
    [Trait("Category", TestDatabase.SqliteOnly)]
    public async Task The_database_is_created_on_first_start_in_wal_mode_with_full_sync_and_secure_delete()
    {
        await using var host = await BotHost.StartAsync();

        Assert.True(File.Exists(host.DatabasePath));
        var pragmas = await host.DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            async Task<string> Pragma(string name)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name};";
                return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            return (await Pragma("journal_mode"), await Pragma("synchronous"), await Pragma("secure_delete"), await Pragma("integrity_check"));
        });
        Assert.Equal(("wal", "2", "1", "ok"), pragmas);
    }

    [Fact]
    public async Task A_conversation_continues_on_a_new_host_on_the_same_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        DirectLineClient line;
        string before;
        await using (var first = await BotHost.StartAsync(folder, keepData: true))
        {
            line = await new DirectLineClient(first.Client).GetPageTokenAsync();
            await line.StartAsync();
            await line.PostAsync("相談を始める");
            await line.PollAsync();
            before = await first.SnapshotAsync(line.ConversationId);
        }

        await using var second = await BotHost.StartAsync(folder);
        var resumed = new DirectLineClient(second.Client) { Token = line.Token, Watermark = line.Watermark, ConversationId = line.ConversationId };
        Assert.Equal(before, await second.SnapshotAsync(line.ConversationId));

        using var request = resumed.Request(HttpMethod.Post, "v3/directline/conversations/" + line.ConversationId + "/activities");
        request.Content = JsonContent.Create(new { type = "message", text = "同意する" });
        using var response = await second.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var next = await resumed.PollAsync();

        Assert.Contains(next, a => a.Text!.Contains("どなたからのご相談", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_intake_started_before_a_restart_finishes_after_it_with_the_same_answers_and_one_ticket()
    {
        var folder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        var script = IntakeScripts.For("家族");
        var half = script.Count / 2;
        string token;
        string conversationId;
        await using (var first = await BotHost.StartAsync(folder, keepData: true))
        {
            var chat = new DirectLinePollingChat(first.Client);
            await chat.StartAsync();
            await IntakeScripts.RunAsync(chat, script.Take(half));
            token = chat.Line.Token;
            conversationId = chat.Line.ConversationId;
        }

        await using var second = await BotHost.StartAsync(folder);
        var resumed = new DirectLinePollingChat(second.Client);
        resumed.Line.Token = token;
        resumed.Line.ConversationId = conversationId;
        await resumed.Line.PollAsync();
        var texts = await IntakeScripts.RunAsync(resumed, script.Skip(half).Take(script.Count - half - 1));
        var review = second.Services.GetRequiredService<ConversationProtector>().Unprotect(
            await second.DbAsync(db => db.Activities.Where(a => a.ConversationId == conversationId).OrderByDescending(a => a.Sequence).Select(a => a.Json).FirstAsync()));
        foreach (var answer in new[] { "45歳", "精神障がい", "神奈川県川崎市" })
        {
            Assert.Contains(answer.Replace("歳", string.Empty, StringComparison.Ordinal), review, StringComparison.Ordinal);
        }

        texts = await IntakeScripts.RunAsync(resumed, [script[^1]]);
        Assert.Contains(texts, t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
        Assert.Equal(1, await second.DbAsync(db => db.Tickets.CountAsync(t => t.ConversationId == conversationId)));
    }

    [Fact]
    public async Task A_crisis_message_creates_one_ticket_with_a_yearly_reference_number_even_when_repeated()
    {
        await using var host = await BotHost.StartAsync();
        var line = await new DirectLineClient(host.Client).GetPageTokenAsync();
        await line.StartAsync();

        await line.PostAsync("もう死にたい");
        await line.PostAsync("死にたい");

        var tickets = await host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == line.ConversationId).ToListAsync());
        var ticket = Assert.Single(tickets);
        Assert.Equal("Crisis", ticket.Kind);
        Assert.Equal($"KN-{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year}-000001", ticket.ReferenceNumber);
        Assert.Equal("新規", ticket.Status);
    }

    [Fact]
    public async Task Reference_numbers_count_up_across_conversations()
    {
        await using var host = await BotHost.StartAsync();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var line = await new DirectLineClient(host.Client).GetPageTokenAsync();
            await line.StartAsync();
            await line.PostAsync("殴られています");
        }

        var numbers = await host.DbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.YearSequence).ToListAsync());
        Assert.Equal([1, 2, 3], numbers);
    }

    [Fact]
    public async Task Tickets_filed_at_once_and_racing_their_own_turns_get_consecutive_numbers_once_each()
    {
        await using var host = await BotHost.StartAsync();
        var lines = new List<DirectLineClient>();
        foreach (var _ in Enumerable.Range(0, 12))
        {
            var line = await new DirectLineClient(host.Client).GetPageTokenAsync();
            await line.StartAsync();
            lines.Add(line);
        }

        // Two crisis messages per conversation at once: one turn of each pair loses the race after
        // taking a number (in the same batch as others), and is rolled back and rerun.
        await Task.WhenAll(lines.SelectMany(line => new[] { line.PostAsync("殴られています"), line.PostAsync("もう死にたい") }));

        var tickets = await host.DbAsync(db => db.Tickets.Select(t => new { t.ConversationId, t.YearSequence, t.ReferenceNumber }).ToListAsync());
        Assert.Equal(lines.Select(l => l.ConversationId).Order(), tickets.Select(t => t.ConversationId).Order());
        Assert.Equal(Enumerable.Range(1, lines.Count), tickets.Select(t => t.YearSequence).Order());
        foreach (var ticket in tickets)
        {
            Assert.EndsWith($"-{ticket.YearSequence:D6}", ticket.ReferenceNumber, StringComparison.Ordinal);
        }
    }
}
