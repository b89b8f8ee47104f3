namespace IntakeBot.Bot.Activities;

/// <summary>
/// Activities with the position after them, as Direct Line returns them to polling and on the
/// WebSocket. The watermark is a string because the clients echo it verbatim and ignore a number.
/// </summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
