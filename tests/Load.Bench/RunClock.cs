using System.Diagnostics;

namespace IntakeBot.Load.Bench;

/// <summary>
/// The phases of one run: warm-up (turns run, not recorded), the measured window, and a hard stop
/// for requests still hanging after it. With a turn limit, the window closes when enough turns
/// were recorded.
/// </summary>
public sealed class RunClock : IDisposable
{
    private readonly long? _turnLimit;
    private readonly CancellationTokenSource _hardStop = new();
    private long _recorded;
    private volatile bool _closed;

    public RunClock(double warmupSeconds, double measuredSeconds, long? turnLimit, double timeoutSeconds)
    {
        Started = Stopwatch.GetTimestamp();
        MeasureFrom = Started + Ticks(warmupSeconds);
        MeasureUntil = MeasureFrom + Ticks(measuredSeconds);
        _turnLimit = turnLimit;
        _hardStop.CancelAfter(TimeSpan.FromSeconds(warmupSeconds + measuredSeconds + timeoutSeconds + 5));
    }

    public long Started { get; }
    public long MeasureFrom { get; }
    public long MeasureUntil { get; }

    /// <summary>Cancels requests that outlive the run; a turn cut by it is not counted at all.</summary>
    public CancellationToken HardStop => _hardStop.Token;

    /// <summary>Whether a user should start another turn.</summary>
    public bool Running => !_closed && Stopwatch.GetTimestamp() < MeasureUntil;

    public bool InWarmup(long timestamp) => timestamp < MeasureFrom;

    /// <summary>Whether something that started then belongs to the measured window (no turn limit claimed).</summary>
    public bool InWindow(long timestamp) => timestamp >= MeasureFrom && timestamp < MeasureUntil && !_closed;

    /// <summary>Claims a place for a measured turn that started at the given time; false when it is outside the window or past the turn limit.</summary>
    public bool TryRecord(long turnStarted)
    {
        if (turnStarted < MeasureFrom || turnStarted >= MeasureUntil)
        {
            return false;
        }

        if (_turnLimit is not { } limit)
        {
            return true;
        }

        var count = Interlocked.Increment(ref _recorded);
        if (count >= limit)
        {
            _closed = true;
        }

        return count <= limit;
    }

    public void Close() => _closed = true;

    /// <summary>Ended before its time: by the turn limit or by <see cref="Close"/>.</summary>
    public bool Closed => _closed;

    public static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public void Dispose() => _hardStop.Dispose();
}
