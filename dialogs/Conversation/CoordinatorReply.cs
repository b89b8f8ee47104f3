namespace IntakeBot.Dialogs.Conversation;

/// <summary>A message a coordinator wrote to the case, as the person who comes back reads it.</summary>
/// <param name="Name">The coordinator's display name.</param>
/// <param name="Text">What they wrote.</param>
/// <param name="At">When.</param>
public sealed record CoordinatorReply(string Name, string Text, DateTimeOffset At);
