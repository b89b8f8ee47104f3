namespace IntakeBot.Dialogs.Conversation;

/// <summary>What moves the intake flow from one step to the next.</summary>
public enum IntakeTrigger
{
    Start,
    Agree,
    Decline,
    Answered,
    Back,
    Restart,
    Confirm,
    Edit,
    EditAnswer,
    ReturnToReview,
    StoryTold,
    Reattach,
    Attach,
}
