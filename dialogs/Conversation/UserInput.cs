namespace IntakeBot.Dialogs.Conversation;

/// <summary>What the user did this turn: opened the chat, or sent a message (typed or a button's value).</summary>
public sealed record UserInput
{
    private UserInput(string text, bool isConversationStart)
    {
        Text = text;
        IsConversationStart = isConversationStart;
    }

    public string Text { get; }
    public bool IsConversationStart { get; }

    public static UserInput Started { get; } = new(string.Empty, true);

    /// <summary>A message; lone surrogates (invalid UTF-16 a client may send) become U+FFFD.</summary>
    public static UserInput Message(string text) => new(Parsing.JapaneseText.WellFormed(text ?? string.Empty), false);
}
