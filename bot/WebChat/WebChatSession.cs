using System.Text.Json.Serialization;

namespace IntakeBot.Bot.WebChat;

/// <summary>
/// What the page needs to connect Web Chat: the conversation, its user, a Direct Line token, a key to
/// come back later, and whether the center's profile is still the shipped sample (the page then says so).
/// </summary>
public sealed record WebChatSession(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("resume")] string Resume,
    [property: JsonPropertyName("resumed")] bool Resumed,
    [property: JsonPropertyName("sample")] bool Sample);
