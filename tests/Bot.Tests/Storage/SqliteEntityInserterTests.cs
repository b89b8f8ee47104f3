using IntakeBot.Bot.Notifications;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>The group commit inserts a ticket's rows itself, from the EF model; EF must read them back as they were given.</summary>
[Trait("Category", TestDatabase.SqliteOnly)]
public sealed class SqliteEntityInserterTests
{
    private static readonly IReadOnlySet<object> Nothing = new HashSet<object>();

    [Fact]
    public async Task A_ticket_with_its_case_checklist_and_outbox_rows_reads_back_through_ef_as_given()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_123).ToOffset(TimeSpan.FromHours(9));
        var ticket = new TicketRecord
        {
            ReferenceNumber = "KN-2026-990001",
            Year = 2026,
            YearSequence = 990001,
            ConversationId = chat.Key,
            Kind = "Intake",
            IntakeNumber = 1,
            Priority = "High",
            RecordJson = "sealed-record",
            TriageJson = "sealed-triage",
            TranscriptJson = "sealed-transcript",
            CreatedAt = at,
        };
        var ticketCase = new TicketCase
        {
            Ticket = ticket,
            PriorityRank = 1,
            Duty = 2,
            DueDate = new DateOnly(2026, 12, 10),
            Flags = "|Disability|",
            Role = "Family",
            ProtectedName = "sealed-name",
            UpdatedAt = at,
        };
        var items = new[] { "本人と面会する", "住まいを探す" }
            .Select((text, i) => new TicketChecklistItem { Ticket = ticket, Position = i, Text = text })
            .ToList();
        var outbox = new WebhookMessage { Ticket = ticket, PayloadJson = "{}", NextAttemptMs = 42, CreatedAt = at };

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            db.Tickets.Add(ticket);
            db.TicketCases.Add(ticketCase);
            db.TicketChecklist.AddRange(items);
            db.WebhookOutbox.Add(outbox);
            await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            using var inserter = new SqliteEntityInserter(connection);

            var plan = SqliteEntityInserter.Plan(db, Nothing);
            Assert.NotNull(plan);
            inserter.Insert(plan, transaction);
            await transaction.CommitAsync();
        }

        var stored = await host.DbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.ReferenceNumber == ticket.ReferenceNumber));
        var storedCase = await host.DbAsync(db => db.TicketCases.AsNoTracking().SingleAsync(c => c.TicketId == stored.Id));
        var storedItems = await host.DbAsync(db => db.TicketChecklist.AsNoTracking().Where(c => c.TicketId == stored.Id).OrderBy(c => c.Position).ToListAsync());
        var storedOutbox = await host.DbAsync(db => db.WebhookOutbox.AsNoTracking().SingleAsync(m => m.TicketId == stored.Id));

        Assert.Equal(ticket.Id, stored.Id);
        Assert.True(stored.Id > 0);
        Assert.Equivalent(new { ticket.ReferenceNumber, ticket.Year, ticket.YearSequence, ticket.ConversationId, ticket.Kind, ticket.IntakeNumber, ticket.Priority, ticket.RecordJson, ticket.TriageJson, ticket.TranscriptJson, ticket.Status },
            new { stored.ReferenceNumber, stored.Year, stored.YearSequence, stored.ConversationId, stored.Kind, stored.IntakeNumber, stored.Priority, stored.RecordJson, stored.TriageJson, stored.TranscriptJson, stored.Status });
        Assert.Equal(at, stored.CreatedAt);
        Assert.Equivalent(new { ticketCase.PriorityRank, ticketCase.Duty, ticketCase.DueDate, ticketCase.Flags, ticketCase.Role, ticketCase.ProtectedName, ticketCase.UpdatedAt, ticketCase.OwnerId, ticketCase.ClaimedAt, ticketCase.SummaryDueAt },
            new { storedCase.PriorityRank, storedCase.Duty, storedCase.DueDate, storedCase.Flags, storedCase.Role, storedCase.ProtectedName, storedCase.UpdatedAt, storedCase.OwnerId, storedCase.ClaimedAt, storedCase.SummaryDueAt });
        Assert.Equal(["本人と面会する", "住まいを探す"], storedItems.Select(i => i.Text));
        Assert.Equal(42, storedOutbox.NextAttemptMs);
        Assert.Equal(at, storedOutbox.CreatedAt);
        Assert.Null(storedOutbox.DeliveredAt);
    }

    [Fact]
    public async Task Anything_but_inserts_is_left_to_ef()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var row = await db.Activities.FirstAsync(a => a.ConversationId == chat.Key);
        row.Json = "rewritten";

        Assert.Null(SqliteEntityInserter.Plan(db, Nothing));
        Assert.NotNull(SqliteEntityInserter.Plan(db, new HashSet<object>(ReferenceEqualityComparer.Instance) { row }));
    }
}
