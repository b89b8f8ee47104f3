namespace IntakeBot.Bot.Activities;

/// <summary>A button: <c>imBack</c> sends <see cref="Value"/> as the user's message, <c>openUrl</c> opens it.</summary>
public sealed class CardAction
{
    public const string ImBack = "imBack";
    public const string OpenUrl = "openUrl";

    public string Type { get; set; } = ImBack;
    public string? Title { get; set; }
    public string? Value { get; set; }
}
