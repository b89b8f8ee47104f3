using System.Text.Json;
using IntakeBot.Bot.Notifications;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// What the coordinators' side adds to a new ticket, inside the turn's transaction: the personal
/// text is encrypted, the queue row (plain sortable columns), the checklist, and for 緊急 the
/// webhook outbox message. Called by <see cref="TicketWriter"/> only for a ticket it just created.
/// </summary>
public sealed class TicketIntake(TicketProtector protector, UrgentTicketNotice notice)
{
    public void OnCreated(IntakeDbContext db, TicketRecord ticket, CreateTicket effect, DateTimeOffset now)
    {
        ticket.RecordJson = protector.Protect(ticket.RecordJson);
        ticket.TriageJson = protector.Protect(ticket.TriageJson);
        ticket.TranscriptJson = protector.Protect(ticket.TranscriptJson);

        var triage = effect.Triage;
        db.TicketCases.Add(new TicketCase
        {
            Ticket = ticket,
            PriorityRank = (int)triage.Priority,
            Duty = (int)triage.Duty,
            DueDate = triage.DueDate,
            Flags = TicketLabels.StoreFlags(triage.Flags),
            Role = effect.Record.Role?.ToString(),
            ProtectedName = string.IsNullOrWhiteSpace(effect.Record.AskerName) ? null : protector.Protect(effect.Record.AskerName),
            UpdatedAt = now,
        });
        var position = 0;
        foreach (var step in triage.Checklist)
        {
            db.TicketChecklist.Add(new TicketChecklistItem { Ticket = ticket, Position = position++, Text = step });
        }

        notice.Enqueue(db, ticket, triage, now);
    }

    public static T Read<T>(TicketProtector protector, string stored) =>
        JsonSerializer.Deserialize<T>(protector.Unprotect(stored), IntakeStateSerializer.Options)
        ?? throw new JsonException("Empty ticket field.");
}
