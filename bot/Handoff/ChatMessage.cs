namespace IntakeBot.Bot.Handoff;

/// <summary>One message of a conversation as the desk shows it.</summary>
/// <param name="Sequence">Its place in the stream (the SSE event id).</param>
/// <param name="From"><c>user</c>, <c>bot</c> or <c>coordinator</c>.</param>
/// <param name="Name">The coordinator's name, for theirs.</param>
/// <param name="Text">The text, as data (the pages render it as text).</param>
/// <param name="At">When it was stored.</param>
public sealed record ChatMessage(long Sequence, string From, string? Name, string Text, DateTimeOffset At);
