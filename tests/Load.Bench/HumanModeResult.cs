namespace IntakeBot.Load.Bench;

/// <summary>The human-mode users' side of a row: the desk's messages sent and delivered, the person's messages the desk saw, their errors.</summary>
public sealed record HumanModeResult(
    double Percent,
    int Users,
    long Conversations,
    long CoordinatorSent,
    long CoordinatorDelivered,
    long UserMessages,
    long UserMessagesSeenByDesk,
    long Handbacks,
    long QuestionsAskedAgain,
    double DeliveryP50,
    double DeliveryP99,
    long BotTurns,
    double BotTurnP50,
    double BotTurnP99,
    long Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    long WarmupErrors,
    string? FirstError)
{
    /// <summary>Coordinator messages the desk accepted that never reached the person.</summary>
    public long Lost => CoordinatorSent - CoordinatorDelivered;

    /// <summary>The person's messages in human mode the desk did not see.</summary>
    public long Unseen => UserMessages - UserMessagesSeenByDesk;
}
