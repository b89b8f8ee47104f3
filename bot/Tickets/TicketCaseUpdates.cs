using System.Text.Json;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Applies a turn's changes to the tickets a case already has, in the turn's unit of work: a way
/// to reach the person given after a crisis or handoff goes into every ticket of the case, and a
/// message written after 送信 is added to the intake ticket as a 追記 and marks it for the
/// coordinator. A case is one conversation's intake: the tickets with its conversation id and
/// intake number.
/// </summary>
public sealed class TicketCaseUpdates(TicketProtector protector)
{
    public static bool Applies(SideEffect effect) => effect is AddContactToCase or AppendToTicket;

    public async Task ApplyAsync(IntakeDbContext db, string conversationId, IEnumerable<SideEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case AddContactToCase contact:
                    await AddContactAsync(db, conversationId, contact, now, cancellationToken);
                    break;
                case AppendToTicket addendum:
                    await AppendAsync(db, conversationId, addendum, cancellationToken);
                    break;
            }
        }
    }

    private async Task AddContactAsync(IntakeDbContext db, string conversationId, AddContactToCase effect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tickets = await db.Tickets
            .Where(t => t.ConversationId == conversationId && t.IntakeNumber == effect.IntakeNumber && t.RecordJson != TicketRecord.AnonymisedMarker)
            .ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            var record = TicketIntake.Read<IntakeRecord>(protector, ticket.RecordJson);
            effect.Contact.StoreIn(record);
            ticket.RecordJson = protector.Protect(JsonSerializer.Serialize(record, IntakeStateSerializer.Options));
        }

        var ids = tickets.Select(t => t.Id).ToList();
        foreach (var row in await db.TicketCases.Where(c => ids.Contains(c.TicketId)).ToListAsync(cancellationToken))
        {
            row.UpdatedAt = now;
        }
    }

    private async Task AppendAsync(IntakeDbContext db, string conversationId, AppendToTicket effect, CancellationToken cancellationToken)
    {
        var kind = effect.Kind.ToString();
        var ticket = effect.Reference is { } reference
            // From a conversation that came back with the code: only the one the code attached last may add.
            ? await db.Tickets.SingleOrDefaultAsync(
                t => t.ReferenceNumber == reference && db.TicketCases.Any(c => c.TicketId == t.Id && c.AttachedConversationId == conversationId),
                cancellationToken)
            : await db.Tickets.SingleOrDefaultAsync(
                t => t.ConversationId == conversationId && t.Kind == kind && t.IntakeNumber == effect.IntakeNumber,
                cancellationToken);
        if (ticket is null || ticket.IsAnonymised)
        {
            // Retention erased the case: what is written now starts nothing it could belong to.
            return;
        }

        db.TicketAddenda.Add(new TicketAddendum { TicketId = ticket.Id, At = effect.At, ProtectedText = protector.Protect(effect.Text) });
        if (await db.TicketCases.SingleOrDefaultAsync(c => c.TicketId == ticket.Id, cancellationToken) is { } row)
        {
            row.AddendumAt = effect.At;
            row.UpdatedAt = effect.At;
        }
    }
}
