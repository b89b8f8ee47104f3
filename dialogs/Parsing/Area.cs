namespace IntakeBot.Dialogs.Parsing;

/// <summary>A place in Japan: a prefecture (always the full name, 「大阪府」) and optionally a municipality.</summary>
public readonly record struct Area(string Prefecture, string? City);
