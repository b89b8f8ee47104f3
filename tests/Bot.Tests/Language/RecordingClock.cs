using System.Collections.Concurrent;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>
/// The system clock with every timer run <paramref name="scale"/> times as long, and each asked-for
/// due time recorded: a test sees that the client waited the 2 s the service asked for, in 100 ms.
/// </summary>
public sealed class RecordingClock(double scale) : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Requested { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Requested.Enqueue(dueTime);
        }

        return base.CreateTimer(callback, state, Scale(dueTime), Scale(period));
    }

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks * scale)));
}
