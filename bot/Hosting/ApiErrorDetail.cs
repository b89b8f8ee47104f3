namespace IntakeBot.Bot.Hosting;

/// <summary>A machine-readable code and a message for people; never internal details.</summary>
public sealed record ApiErrorDetail(string Code, string Message);
