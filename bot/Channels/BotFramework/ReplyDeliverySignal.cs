namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>Wakes the reply delivery when a turn committed replies for a serviceUrl.</summary>
public sealed class ReplyDeliverySignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up delivers everything that is due.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
