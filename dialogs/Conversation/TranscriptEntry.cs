namespace IntakeBot.Dialogs.Conversation;

/// <summary>One line of the conversation, kept for the coordinator once consent is given.</summary>
/// <param name="FromUser">True for the user's message, false for the bot's.</param>
/// <param name="Text">The message text.</param>
/// <param name="At">When it was said.</param>
/// <param name="Coordinator">The coordinator's display name when a coordinator wrote it (not the bot).</param>
public sealed record TranscriptEntry(bool FromUser, string Text, DateTimeOffset At, string? Coordinator = null);
