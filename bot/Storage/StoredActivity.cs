namespace IntakeBot.Bot.Storage;

/// <summary>An activity of a conversation's stream; its sequence number is the watermark after it.</summary>
public sealed class StoredActivity
{
    public required string ConversationId { get; set; }
    public long Sequence { get; set; }
    public required string ActivityId { get; set; }
    /// <summary>Web Chat's clientActivityID of a user's message, kept so a resent message is recognised.</summary>
    public string? ClientActivityId { get; set; }
    public bool FromUser { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
