namespace IntakeBot.Dialogs.Conversation;

/// <summary>Words that work at every step.</summary>
public enum GlobalCommand
{
    Back,
    Restart,
    Help,
    Handoff,
    Quit,
}
