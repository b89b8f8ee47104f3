namespace IntakeBot.Bot.Tickets;

/// <summary>
/// A ticket for the coordinators: one per finished intake, handoff or crisis of a conversation
/// (unique on conversation, kind and intake number, so a replayed turn can never add a second).
/// </summary>
public sealed class TicketRecord
{
    public const string NewStatus = "新規";

    /// <summary>
    /// Stands in for the record, triage and transcript once retention has erased them (a value
    /// that is never valid protected text, so no schema change was needed to mark it).
    /// </summary>
    public const string AnonymisedMarker = "anonymised";

    public long Id { get; set; }
    /// <summary>What the user is told, e.g. <c>KN-2026-000123</c>.</summary>
    public required string ReferenceNumber { get; set; }
    /// <summary>The year (Japan time) of the reference number; numbering restarts each year.</summary>
    public int Year { get; set; }
    public int YearSequence { get; set; }
    public required string ConversationId { get; set; }
    public required string Kind { get; set; }
    public int IntakeNumber { get; set; }
    public required string Priority { get; set; }
    public required string RecordJson { get; set; }
    public required string TriageJson { get; set; }
    public required string TranscriptJson { get; set; }
    public string Status { get; set; } = NewStatus;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Retention erased the personal data (see <c>Retention/RetentionJob</c>).</summary>
    public bool IsAnonymised => RecordJson == AnonymisedMarker;
}
