namespace IntakeBot.Bot.Channels.Line;

/// <summary>Wakes the LINE workers: received events to run, committed messages to send.</summary>
public sealed class LineSignals
{
    private readonly SemaphoreSlim _events = new(0, 1);
    private readonly SemaphoreSlim _deliveries = new(0, 1);

    public void EventsArrived() => Release(_events);

    public void MessagesQueued() => Release(_deliveries);

    public Task<bool> WaitForEventsAsync(TimeSpan timeout, CancellationToken cancellationToken) => _events.WaitAsync(timeout, cancellationToken);

    public Task<bool> WaitForMessagesAsync(TimeSpan timeout, CancellationToken cancellationToken) => _deliveries.WaitAsync(timeout, cancellationToken);

    private static void Release(SemaphoreSlim signal)
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up handles everything that is due.
        }
    }
}
