namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// Bot messages still to be sent to a LINE user: a committed turn's activities
/// (<see cref="FirstSequence"/>..<see cref="LastSequence"/> of <see cref="ConversationId"/>),
/// written in the turn's own transaction, or a fixed notice that ran no turn. Progress is kept
/// per message object, so a retry never sends one twice; pushes carry a retry key derived from
/// <see cref="RetryKey"/> and the position, so a push retried after a timeout is taken once.
/// </summary>
public sealed class LineOutboundMessage
{
    public long Id { get; set; }
    public required string UserHash { get; set; }
    public string? ConversationId { get; set; }
    public long FirstSequence { get; set; }
    public long LastSequence { get; set; }
    /// <summary>A fixed text of the bot's (no personal data), for events that ran no turn.</summary>
    public string? Notice { get; set; }
    /// <summary>The event answered, whose reply token may still be valid.</summary>
    public string? WebhookEventId { get; set; }
    /// <summary>How many message objects of the rendered list LINE has accepted.</summary>
    public int SentMessages { get; set; }
    /// <summary>Sent by push from the first message on: then it starts with the neutral notification line.</summary>
    public bool PushedFirst { get; set; }
    public Guid RetryKey { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
