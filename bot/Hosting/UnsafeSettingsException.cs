namespace IntakeBot.Bot.Hosting;

/// <summary>The host refuses to start with these settings; the message says which to change, in one line.</summary>
public sealed class UnsafeSettingsException(string message) : Exception(message);
