namespace IntakeBot.Bot.Turns;

/// <summary>
/// Wakes WebSocket streams of a conversation when a turn committed, so replies are pushed at
/// once and a stream never polls the database for them. A turn run by another instance does
/// not signal this one: with several instances streams also re-read on a slow timer
/// (<c>DirectLine:StreamRecheckInterval</c>).
/// </summary>
public sealed class ConversationSignals
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Conversations with a watcher or a pending wait: back to 0 when every stream has closed.</summary>
    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Keeps the conversation's signal while a stream waits on it in a loop; disposing lets it
    /// go, so closed streams leave nothing behind.
    /// </summary>
    public IDisposable Watch(string conversationId)
    {
        lock (_lock)
        {
            EntryOf(conversationId).Watchers++;
        }

        return new Watcher(this, conversationId);
    }

    /// <summary>A task that completes at the next <see cref="Pulse"/> of the conversation.</summary>
    public Task NextAsync(string conversationId)
    {
        lock (_lock)
        {
            var entry = EntryOf(conversationId);
            entry.Next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return entry.Next.Task;
        }
    }

    public void Pulse(string conversationId)
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (!_entries.TryGetValue(conversationId, out var entry))
            {
                return;
            }

            next = entry.Next;
            entry.Next = null;
            if (entry.Watchers == 0)
            {
                _entries.Remove(conversationId);
            }
        }

        next?.TrySetResult();
    }

    private Entry EntryOf(string conversationId)
    {
        if (!_entries.TryGetValue(conversationId, out var entry))
        {
            entry = new Entry();
            _entries.Add(conversationId, entry);
        }

        return entry;
    }

    private void Unwatch(string conversationId)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(conversationId, out var entry) && --entry.Watchers == 0)
            {
                // The last stream is gone: its pending wait has no one left to wake.
                _entries.Remove(conversationId);
            }
        }
    }

    private sealed class Entry
    {
        public int Watchers { get; set; }

        public TaskCompletionSource? Next { get; set; }
    }

    private sealed class Watcher(ConversationSignals owner, string conversationId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unwatch(conversationId);
            }
        }
    }
}
