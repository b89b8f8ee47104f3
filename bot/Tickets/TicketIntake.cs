using System.Text.Json;
using IntakeBot.Bot.Notifications;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// What the coordinators' side adds to a new ticket, inside the turn's unit of work: the personal
/// text is encrypted, the queue row (plain sortable columns), the checklist, and for 緊急 the
/// webhook outbox message. Called by <see cref="TicketWriter"/> only for a ticket it just created:
/// <see cref="OnDrafted"/> before the commit, <see cref="SealTranscript"/> and <see cref="OnNumbered"/>
/// for the number.
/// </summary>
public sealed class TicketIntake(TicketProtector protector, UrgentTicketNotice notice)
{
    public void OnDrafted(IntakeDbContext db, TicketRecord ticket, CreateTicket effect, DateTimeOffset now, string? attachCodeHash = null)
    {
        ticket.RecordJson = protector.Protect(ticket.RecordJson);
        ticket.TriageJson = protector.Protect(ticket.TriageJson);

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
            AttachCodeHash = attachCodeHash,
        });
        var position = 0;
        foreach (var step in triage.Checklist)
        {
            db.TicketChecklist.Add(new TicketChecklistItem { Ticket = ticket, Position = position++, Text = step });
        }
    }

    /// <summary>The transcript as stored: it names the ticket's number, so it is sealed apart from the rest.</summary>
    public string SealTranscript(string transcriptJson) => protector.Protect(transcriptJson);

    /// <summary>What needs the ticket's number besides its transcript: the urgent notice.</summary>
    public void OnNumbered(IntakeDbContext db, TicketRecord ticket, CreateTicket effect, DateTimeOffset now) =>
        notice.Enqueue(db, ticket, effect.Triage, now);

    public static T Read<T>(TicketProtector protector, string stored) =>
        JsonSerializer.Deserialize<T>(protector.Unprotect(stored), IntakeStateSerializer.Options)
        ?? throw new JsonException("Empty ticket field.");
}
