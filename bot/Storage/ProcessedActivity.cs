namespace IntakeBot.Bot.Storage;

/// <summary>
/// An incoming activity that already ran a turn, and where that turn's activities are in the
/// stream. Bot Framework clients resend after a timeout; the resend gets this stored result.
/// </summary>
public sealed class ProcessedActivity
{
    public required string ConversationId { get; set; }
    /// <summary>The incoming activity's id, or Web Chat's clientActivityID when it sent none.</summary>
    public required string IncomingId { get; set; }
    public long? UserSequence { get; set; }
    public long FirstReplySequence { get; set; }
    public long LastReplySequence { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
