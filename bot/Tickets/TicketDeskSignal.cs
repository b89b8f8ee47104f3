namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Pulsed after a coordinator's change to a ticket is committed on this instance, so open desk
/// pages hear of it at once. Changes made elsewhere (new tickets from chat turns, another
/// instance) are found by the desk's periodic re-check instead.
/// </summary>
public sealed class TicketDeskSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>.</summary>
    public Task NextAsync()
    {
        lock (_lock)
        {
            return _next.Task;
        }
    }

    public void Pulse()
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            done = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }
}
