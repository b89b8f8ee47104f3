using System.Globalization;
using System.Text.Json;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Adds the tickets a turn asked for to the turn's unit of work, in two steps: everything but the
/// number is drafted before the commit, and the number, with the text that names it, is filled in
/// inside the commit (see <see cref="TicketNumbers"/>). On SQLite the commit is the single writer
/// every turn queues behind, so as little as possible happens there: the text that names the
/// number is prepared before, with the number the turn expects, and only redone when it got
/// another one.
/// </summary>
public sealed class TicketWriter(IOptions<TicketOptions> options, TicketIntake intake)
{
    /// <summary>The ticket this intake already has, if an earlier run of the turn filed it.</summary>
    public Task<TicketRecord?> FindAsync(IntakeDbContext db, string conversationId, CreateTicket effect, CancellationToken cancellationToken)
    {
        var kind = effect.Kind.ToString();
        return db.Tickets.SingleOrDefaultAsync(
            t => t.ConversationId == conversationId && t.Kind == kind && t.IntakeNumber == effect.IntakeNumber,
            cancellationToken);
    }

    /// <summary>Adds a new ticket and its rows without a number yet; <see cref="Number"/> and <see cref="Apply"/> give it one.</summary>
    public TicketRecord Draft(IntakeDbContext db, string conversationId, CreateTicket effect, DateTimeOffset now, string? attachCodeHash = null)
    {
        var ticket = new TicketRecord
        {
            ReferenceNumber = string.Empty,
            Year = now.ToOffset(IntakeConversation.CenterUtcOffset).Year,
            ConversationId = conversationId,
            Kind = effect.Kind.ToString(),
            IntakeNumber = effect.IntakeNumber,
            Priority = effect.Triage.Priority.ToString(),
            RecordJson = JsonSerializer.Serialize(effect.Record, IntakeStateSerializer.Options),
            TriageJson = JsonSerializer.Serialize(effect.Triage, IntakeStateSerializer.Options),
            // The transcript's closing message names the number, known only in the commit.
            TranscriptJson = string.Empty,
            CreatedAt = now,
        };
        db.Tickets.Add(ticket);
        intake.OnDrafted(db, ticket, effect, now, attachCodeHash);
        return ticket;
    }

    /// <summary>
    /// What names a drafted ticket's number <paramref name="yearSequence"/>: the reference number
    /// and the sealed transcript, whose closing message names it. Changes nothing, so a turn can
    /// prepare it with the number it expects before the commit (<see cref="TicketNumbers.Guess"/>).
    /// </summary>
    public NumberedTicket Number(TicketRecord ticket, CreateTicket effect, int yearSequence)
    {
        var referenceNumber = string.Create(CultureInfo.InvariantCulture, $"{options.Value.ReferencePrefix}-{ticket.Year}-{yearSequence:D6}");
        // The 引き継ぎコード is shown to the person only; the ticket's transcript says it was shown.
        var named = effect.WithReferenceNumber(referenceNumber).Transcript.Select(t => t with { Text = TurnResult.HideAttachCode(t.Text) });
        var transcript = JsonSerializer.Serialize(named, IntakeStateSerializer.Options);
        return new NumberedTicket(yearSequence, referenceNumber, intake.SealTranscript(transcript));
    }

    /// <summary>Gives a drafted ticket its number, inside the commit that took it.</summary>
    public void Apply(IntakeDbContext db, TicketRecord ticket, CreateTicket effect, NumberedTicket numbered, DateTimeOffset now)
    {
        ticket.YearSequence = numbered.YearSequence;
        ticket.ReferenceNumber = numbered.ReferenceNumber;
        ticket.TranscriptJson = numbered.SealedTranscript;
        intake.OnNumbered(db, ticket, effect, now);
    }
}
