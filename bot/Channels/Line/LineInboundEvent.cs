namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// A webhook event as received: the durable queue between answering LINE at once and running the
/// turn. The unique <see cref="WebhookEventId"/> makes a redelivery insert nothing. The event's
/// JSON and its reply token are sealed like every other personal text; the body is emptied once
/// the turn ran (its text is then in the conversation's own encrypted stream).
/// </summary>
public sealed class LineInboundEvent
{
    public long Id { get; set; }
    public required string WebhookEventId { get; set; }
    /// <summary>The sender's keyed hash: events of one user run one after another, in order.</summary>
    public required string UserHash { get; set; }
    public required string Type { get; set; }
    /// <summary>The event's JSON, sealed; empty once processed.</summary>
    public required string SealedBody { get; set; }
    /// <summary>The reply token, sealed; null once used or when the event had none.</summary>
    public string? SealedReplyToken { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The conversation the event runs in, fixed before its turn so a rerun after a crash finds the same one.</summary>
    public string? ConversationKey { get; set; }
    /// <summary>A worker holds the event until then (two instances never run one event at once).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}
