namespace IntakeBot.Bot.Tests.Support;

/// <summary>
/// A clock stopped at one instant, to make tokens that are already expired, or to let time pass
/// exactly as much as a test says however slow the machine is.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    // GetUtcNow is UTC whatever the test wrote (PostgreSQL refuses to store any other offset).
    private DateTimeOffset _now = now.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
