namespace IntakeBot.Dialogs.Conversation;

/// <summary>A desk event as a turn's input: the host decides who may send it, the core what it does.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Coordinator">Who did it (null for <see cref="DeskEventKind.NobodyJoined"/>).</param>
/// <param name="Text">The coordinator's message, for <see cref="DeskEventKind.Message"/>; data, never markup.</param>
public sealed record DeskEvent(DeskEventKind Kind, DeskCoordinator? Coordinator, string? Text = null);
