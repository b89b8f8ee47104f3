using System.Text.Json.Nodes;

namespace IntakeBot.Bot.Activities;

/// <summary>A card or file attached to an activity.</summary>
public sealed class Attachment
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string HeroCard = "application/vnd.microsoft.card.hero";

    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }
}
