using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>Create (once per conversation and kind) a ticket for the coordinators.</summary>
/// <param name="Kind">Intake, handoff or crisis.</param>
/// <param name="IntakeNumber">Which intake of the conversation; with the kind, the idempotency key within it.</param>
/// <param name="Record">What is known; empty when the user has not consented.</param>
/// <param name="Triage">The triage of what is known.</param>
/// <param name="Transcript">The conversation so far (only what was said after consent, plus the crisis message itself).</param>
public sealed record CreateTicket(
    TicketKind Kind,
    int IntakeNumber,
    IntakeRecord Record,
    TriageResult Triage,
    IReadOnlyList<TranscriptEntry> Transcript) : SideEffect
{
    /// <summary>The same ticket with the host's reference number in place of the placeholder in its transcript.</summary>
    public CreateTicket WithReferenceNumber(string referenceNumber) =>
        this with { Transcript = TurnResult.FillReferenceNumber(Transcript, referenceNumber) };
}
