using System.Globalization;
using System.Text.Json;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Adds the tickets a turn asked for to the turn's unit of work. The per-year number is the
/// year's highest plus one; two turns taking the same number collide on a unique index and the
/// loser's whole turn is retried, so numbers are never shared or skipped by a failed turn.
/// </summary>
public sealed class TicketWriter(IOptions<TicketOptions> options, TicketIntake intake)
{
    // Any constant shared by all instances; names the lock in pg_locks.
    private const long TicketNumberLock = 0x4b4e_5449_434b_4554;

    public async Task<TicketRecord> AddAsync(IntakeDbContext db, string conversationId, CreateTicket effect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // Instances on PostgreSQL run turns in parallel: without this, intakes finishing
            // together all read the same highest number and all but one retry, again and again.
            // Held until the turn's transaction ends; SQLite's group commit is serial already.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [TicketNumberLock], cancellationToken);
        }

        var kind = effect.Kind.ToString();
        var existing = await db.Tickets.SingleOrDefaultAsync(
            t => t.ConversationId == conversationId && t.Kind == kind && t.IntakeNumber == effect.IntakeNumber,
            cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var year = now.ToOffset(IntakeConversation.CenterUtcOffset).Year;
        var pending = db.Tickets.Local.Where(t => t.Year == year).Select(t => t.YearSequence).DefaultIfEmpty(0).Max();
        var stored = await db.Tickets.Where(t => t.Year == year).MaxAsync(t => (int?)t.YearSequence, cancellationToken) ?? 0;
        var sequence = Math.Max(pending, stored) + 1;
        var referenceNumber = string.Create(CultureInfo.InvariantCulture, $"{options.Value.ReferencePrefix}-{year}-{sequence:D6}");
        // The closing message in the transcript names this ticket's number, known only now.
        effect = effect.WithReferenceNumber(referenceNumber);
        var ticket = new TicketRecord
        {
            ReferenceNumber = referenceNumber,
            Year = year,
            YearSequence = sequence,
            ConversationId = conversationId,
            Kind = kind,
            IntakeNumber = effect.IntakeNumber,
            Priority = effect.Triage.Priority.ToString(),
            RecordJson = JsonSerializer.Serialize(effect.Record, IntakeStateSerializer.Options),
            TriageJson = JsonSerializer.Serialize(effect.Triage, IntakeStateSerializer.Options),
            TranscriptJson = JsonSerializer.Serialize(effect.Transcript, IntakeStateSerializer.Options),
            CreatedAt = now,
        };
        db.Tickets.Add(ticket);
        intake.OnCreated(db, ticket, effect, now);
        return ticket;
    }
}
