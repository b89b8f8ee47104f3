using System.Text.Json.Serialization;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>The answer to start, resume, generate and refresh, with Direct Line's field names.</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl);
