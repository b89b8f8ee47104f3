namespace IntakeBot.Dialogs.Conversation;

/// <summary>The coordinator who joined a conversation from the desk (human mode).</summary>
/// <param name="Id">The staff account's id; only this coordinator writes until the handback.</param>
/// <param name="Name">The display name the person sees (「相談員（名前）」).</param>
/// <param name="JoinedAt">When they joined.</param>
public sealed record DeskCoordinator(long Id, string Name, DateTimeOffset JoinedAt);
