using System.Text.Json;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// The parts of a Messaging API webhook event the bot uses (<c>type</c>, <c>webhookEventId</c>,
/// <c>timestamp</c>, <c>source.userId</c>, <c>replyToken</c>, <c>message</c>, <c>postback</c>,
/// <c>deliveryContext.isRedelivery</c>). Only one-to-one chats with a user are taken.
/// </summary>
public sealed record LineEvent(
    string Type,
    string WebhookEventId,
    DateTimeOffset Timestamp,
    string UserId,
    string? ReplyToken,
    string? MessageType,
    string? Text,
    string? PostbackData,
    bool IsRedelivery)
{
    public const string Message = "message";
    public const string Postback = "postback";
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";

    /// <summary>The event, or null when it is of a type the bot does not handle or lacks what it needs.</summary>
    public static LineEvent? TryParse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object
            || Str(e, "type") is not ({ } type and (Message or Postback or Follow or Unfollow))
            || Str(e, "webhookEventId") is not { Length: > 0 and <= 64 } id
            || !e.TryGetProperty("timestamp", out var ts) || !ts.TryGetInt64(out var millis)
            || !e.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object
            || Str(source, "type") != "user"
            || Str(source, "userId") is not { Length: > 0 and <= 64 } userId)
        {
            return null;
        }

        // Standby: another channel (a chat tool of the account) has the conversation.
        if (Str(e, "mode") is "standby")
        {
            return null;
        }

        string? messageType = null, text = null, data = null;
        if (type == Message)
        {
            if (!e.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            messageType = Str(message, "type") ?? "unknown";
            text = messageType == "text" ? Str(message, "text") ?? string.Empty : null;
        }
        else if (type == Postback)
        {
            if (!e.TryGetProperty("postback", out var postback) || Str(postback, "data") is not { } value)
            {
                return null;
            }

            data = value;
        }

        var redelivery = e.TryGetProperty("deliveryContext", out var context) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty("isRedelivery", out var flag) && flag.ValueKind == JsonValueKind.True;
        DateTimeOffset at;
        try
        {
            at = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        return new LineEvent(type, id, at, userId, Str(e, "replyToken"), messageType, text, data, redelivery);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
