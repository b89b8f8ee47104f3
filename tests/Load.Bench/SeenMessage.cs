namespace IntakeBot.Load.Bench;

/// <summary>A message activity a Direct Line user received: who sent it (the bot's or the desk's account, and its name) and the text.</summary>
public sealed record SeenMessage(string FromId, string? FromName, string Text);
