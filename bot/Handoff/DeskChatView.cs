namespace IntakeBot.Bot.Handoff;

/// <summary>A ticket's conversation as the coordinator's chat panel shows it.</summary>
/// <param name="Reference">The ticket.</param>
/// <param name="Available">False when the conversation is gone (deleted by the person, or past retention).</param>
/// <param name="Coordinator">Who is in the chat now (human mode), or null: the bot answers.</param>
/// <param name="JoinedByMe">Whether that is the coordinator asking.</param>
/// <param name="CanWrite">Whether the asker may write now (owner or admin, and nobody else joined).</param>
/// <param name="WaitingSince">Since when the person waits for a coordinator, or null.</param>
/// <param name="UserTyping">Whether the person is typing (this instance's knowledge).</param>
/// <param name="Messages">The messages after the asked position.</param>
public sealed record DeskChatView(
    string Reference,
    bool Available,
    string? Coordinator,
    bool JoinedByMe,
    bool CanWrite,
    DateTimeOffset? WaitingSince,
    bool UserTyping,
    IReadOnlyList<ChatMessage> Messages);
