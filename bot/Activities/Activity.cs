using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntakeBot.Bot.Activities;

/// <summary>
/// A Bot Framework activity, named field by field as the Bot Framework schema names it, so the
/// official clients (Web Chat, directlinejs, Bot Connector) read what this host writes.
/// Only the fields this bot uses are modelled; unknown incoming fields are ignored.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? ReplyToId { get; set; }
    public string? DeliveryMode { get; set; }

    /// <summary>Kept as raw JSON: Web Chat puts its clientActivityID here and expects it back unchanged.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>Web Chat's own id for an activity it sends, used to match the echo with its pending bubble.</summary>
    [JsonIgnore]
    public string? ClientActivityId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
