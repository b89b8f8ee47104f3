namespace IntakeBot.Bot.Tests.Support;

/// <summary>A clock stopped at one instant, to make tokens that are already expired.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
