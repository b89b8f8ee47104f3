namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>What a valid token says: which conversation, which user, until when.</summary>
public sealed record DirectLineToken(DirectLineTokenKind Kind, string ConversationId, string UserId, DateTimeOffset ExpiresAt);
