namespace IntakeBot.Bot.Activities;

/// <summary>The body of an <c>expectReplies</c> answer: the replies of the turn.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
