using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Turns;

/// <summary>The result of a turn request: the stored user activity and the replies, as committed.</summary>
public sealed record TurnOutcome(TurnStatus Status, Activity? UserActivity, IReadOnlyList<Activity> Replies)
{
    public static TurnOutcome Unknown { get; } = new(TurnStatus.UnknownConversation, null, []);

    public static TurnOutcome Busy { get; } = new(TurnStatus.Busy, null, []);
}
