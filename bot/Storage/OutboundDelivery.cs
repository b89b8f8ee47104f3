namespace IntakeBot.Bot.Storage;

/// <summary>
/// Replies still to be posted to a Bot Connector <c>serviceUrl</c>. Written in the turn's
/// transaction (an outbox), so replies of a committed turn are delivered even after a crash.
/// </summary>
public sealed class OutboundDelivery
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ServiceUrl { get; set; }
    public required string ExternalConversationId { get; set; }
    public string? ReplyToId { get; set; }
    public long FirstSequence { get; set; }
    public long LastSequence { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
