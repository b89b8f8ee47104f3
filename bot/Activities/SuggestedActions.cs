namespace IntakeBot.Bot.Activities;

/// <summary>Buttons shown under the last message; <see cref="To"/> names who sees them.</summary>
public sealed class SuggestedActions
{
    public List<string> To { get; set; } = [];
    public List<CardAction> Actions { get; set; } = [];
}
