namespace IntakeBot.Bot.Handoff;

/// <summary>Someone who asked for a coordinator within the hours and waits.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Reference">The reference number of the case's latest ticket, if it has one.</param>
/// <param name="Since">When they asked.</param>
public sealed record WaitingPerson(string ConversationId, string? Reference, DateTimeOffset Since);
