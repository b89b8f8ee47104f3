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
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
