namespace IntakeBot.Bot.Storage;

/// <summary>One conversation: the saved intake state and the counter behind its watermark.</summary>
public sealed class ConversationRecord
{
    /// <summary>The storage key: the Direct Line conversation id, or the channel and id for /api/messages.</summary>
    public required string Id { get; set; }
    /// <summary>The id the channel knows the conversation by; it prefixes activity ids.</summary>
    public required string ExternalId { get; set; }
    public required string ChannelId { get; set; }
    public required string UserId { get; set; }
    /// <summary>
    /// The intake state, encrypted (<see cref="ConversationProtector"/>): the ciphertext's bytes.
    /// Rows stored before hold it as base64url text, or as plain JSON from before encryption.
    /// </summary>
    public required byte[] SealedState { get; set; }
    /// <summary>Optimistic concurrency token: a turn writes only if nobody wrote since it read.</summary>
    public long Version { get; set; }
    /// <summary>The sequence number of the last stored activity; the Direct Line watermark.</summary>
    public long LastSequence { get; set; }
    /// <summary>
    /// Where a Bot Connector channel takes this conversation's activities (null for Direct Line):
    /// the desk's turns (a coordinator's messages) are delivered there through the outbox.
    /// </summary>
    public string? ServiceUrl { get; set; }
    /// <summary>The bot's account id on a Bot Connector channel (the activities' recipient); null: the configured one.</summary>
    public string? BotId { get; set; }
    /// <summary>
    /// Since when the person waits for a coordinator (plain copy of the sealed state's
    /// <c>WaitingForPersonSince</c>), so the desk can ring and the wait can run out without opening every state.
    /// </summary>
    public DateTimeOffset? WaitingForPersonSince { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
