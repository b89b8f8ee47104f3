namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// A LINE user, known by a keyed hash of the user id. The id itself is needed to push messages,
/// so it is kept, sealed, and never in a plain column or a log line.
/// </summary>
public sealed class LineUser
{
    /// <summary>HMAC-SHA256 of the LINE user id under the key in the secrets folder, as hex.</summary>
    public required string UserHash { get; set; }
    public required string SealedUserId { get; set; }
    /// <summary>Which of the user's conversations is the current one (see <see cref="LineChannel.ConversationKey"/>).</summary>
    public int Generation { get; set; }
    /// <summary>Set while the user has blocked the account (unfollow): nothing is sent, queued messages are dropped.</summary>
    public DateTimeOffset? BlockedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
