namespace IntakeBot.Dialogs.Conversation;

/// <summary>Why a ticket is created. A conversation has at most one ticket of each kind.</summary>
public enum TicketKind
{
    /// <summary>A finished intake.</summary>
    Intake,
    /// <summary>The user asked to talk to a person.</summary>
    Handoff,
    /// <summary>Crisis words were written.</summary>
    Crisis,
}
