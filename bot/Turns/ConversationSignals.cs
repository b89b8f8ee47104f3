using System.Collections.Concurrent;

namespace IntakeBot.Bot.Turns;

/// <summary>
/// Wakes WebSocket streams of a conversation when a turn committed, so replies go out at once
/// rather than at the next poll of the database. Streams still re-read the database on a timer,
/// because a turn run by another instance does not signal this one.
/// </summary>
public sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Pulse"/> of the conversation.</summary>
    public Task NextAsync(string conversationId) =>
        _waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Pulse(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
