namespace IntakeBot.Bot.Activities;

/// <summary>The id of an activity a client posted (Direct Line and Bot Connector answer with it).</summary>
public sealed record ResourceResponse(string Id);
