namespace IntakeBot.Bot.Handoff;

/// <summary>
/// The desk's bell: raised when a person asks for a coordinator within the hours, when one joins,
/// and when the wait runs out. The queue's live view subscribes (<see cref="NextAsync"/>) and then
/// reads who waits from <c>conversations.WaitingForPersonSince</c> (see <see cref="DeskTurns.WaitingAsync"/>).
/// In-process only: another instance's bell is heard on its own next read.
/// </summary>
public sealed class PeopleWaiting
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change of who is waiting.</summary>
    public Task NextAsync()
    {
        lock (_lock)
        {
            return _next.Task;
        }
    }

    public void Ring()
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
