namespace IntakeBot.Dialogs.Conversation;

/// <summary>A button under a bot message. Its value is sent back as the user's message, so it is readable Japanese.</summary>
/// <param name="Title">The button label.</param>
/// <param name="Value">The text sent when pressed; the same as the title unless said otherwise.</param>
public sealed record SuggestedAction(string Title, string Value)
{
    public SuggestedAction(string title)
        : this(title, title)
    {
    }
}
