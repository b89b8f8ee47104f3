namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// Where a conversation stands with coming back to an earlier case: the reference number given
/// so far (the code is never kept), the wrong keys tried in this conversation, and the case it
/// is attached to once the host confirmed the key.
/// </summary>
public sealed record CaseLink(string? PendingReference = null, int WrongKeys = 0, string? AttachedReference = null);
