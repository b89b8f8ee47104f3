namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// The host's question for a turn that needs a case key checked (only the host holds the cases):
/// the key as written, or, with <paramref name="Refresh"/>, the attached case's replies read again.
/// </summary>
/// <param name="Reference">The reference number as read (its prefix may be missing).</param>
/// <param name="Code">The code in canonical form; null for a refresh.</param>
/// <param name="Refresh">True when the conversation is attached already and asks for the coordinator's replies.</param>
public sealed record CaseKeyCheck(string Reference, string? Code, bool Refresh = false);
