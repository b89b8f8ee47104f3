namespace IntakeBot.Dialogs.Conversation;

/// <summary>What the host found for a case key.</summary>
public enum CaseKeyOutcome
{
    /// <summary>The key is right and the case open: the conversation is attached to it.</summary>
    Attached,
    /// <summary>No such reference, or the wrong code (the person is not told which).</summary>
    Wrong,
    /// <summary>Too many wrong codes for this reference lately; try again later.</summary>
    Blocked,
    /// <summary>The key is right but the case is closed or erased: the code no longer works.</summary>
    Closed,
}
