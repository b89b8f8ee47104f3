using System.Collections.Concurrent;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Turns;

/// <summary>
/// The state of recently active conversations as this instance last committed it, so that the
/// next turn can skip reading (and decrypting) what it just wrote. It is a guess, never the
/// truth: the turn's update still carries the cached <see cref="ConversationRecord.Version"/>,
/// so if anything else wrote the conversation meanwhile (another instance, a resent activity
/// already processed) the save fails and the turn reruns from the database. That only holds
/// while every writer of a conversation row bumps its Version, as <see cref="TurnRunner"/> does.
/// </summary>
public sealed class ConversationCache(TimeProvider clock)
{
    // Plenty for a center's concurrent chats; each entry is one small intake state.
    internal const int Capacity = 10_000;
    internal const int CountEvery = 64;
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(20);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _trimming;
    private int _commits;

    public bool TryGet(string key, out ConversationRecord record, out IntakeState state)
    {
        if (_entries.TryGetValue(key, out var entry) && clock.GetUtcNow() - entry.UsedAt < IdleLimit)
        {
            record = new ConversationRecord
            {
                Id = entry.Id,
                ExternalId = entry.ExternalId,
                ChannelId = entry.ChannelId,
                UserId = entry.UserId,
                // Never read back: a turn always writes the state anew.
                SealedState = [],
                Version = entry.Version,
                LastSequence = entry.LastSequence,
                CreatedAt = entry.CreatedAt,
                UpdatedAt = entry.UpdatedAt,
            };
            state = entry.State;
            return true;
        }

        record = null!;
        state = null!;
        return false;
    }

    /// <summary>Remembers what a turn committed; an older version never replaces a newer one.</summary>
    public void Committed(ConversationRecord record, IntakeState state)
    {
        var entry = new Entry(record.Id, record.ExternalId, record.ChannelId, record.UserId, record.Version,
            record.LastSequence, record.CreatedAt, record.UpdatedAt, state, clock.GetUtcNow());
        _entries.AddOrUpdate(record.Id, entry, (_, old) => old.Version > entry.Version ? old : entry);

        // The dictionary's Count takes every one of its locks (8 µs at 10,000 entries), so it is
        // asked only every so many commits; the cache may go that many entries over for a while.
        if ((Interlocked.Increment(ref _commits) & (CountEvery - 1)) == 0 && _entries.Count > Capacity)
        {
            Trim();
        }
    }

    public void Forget(string key) => _entries.TryRemove(key, out _);

    internal int Count => _entries.Count;

    private void Trim()
    {
        // One trim at a time: the commits that find the cache full meanwhile need not wait for it.
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            // Rare (thousands of chats within the idle limit): drop the idle ones, and if that is
            // not enough the older half. A dropped entry only costs its next turn one read. The
            // snapshot is the dictionary's own copy: sorting it live (LINQ sizes its buffer from
            // Count first) meets entries that other turns removed meanwhile.
            var now = clock.GetUtcNow();
            var byAge = _entries.ToArray();
            Array.Sort(byAge, static (a, b) => a.Value.UsedAt.CompareTo(b.Value.UsedAt));
            var cutoff = byAge.Length / 2;
            for (var i = 0; i < byAge.Length; i++)
            {
                if (i < cutoff || now - byAge[i].Value.UsedAt >= IdleLimit)
                {
                    // Only if unchanged: a turn that committed meanwhile keeps its newer entry.
                    _entries.TryRemove(byAge[i]);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private sealed record Entry(
        string Id,
        string ExternalId,
        string ChannelId,
        string UserId,
        long Version,
        long LastSequence,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        IntakeState State,
        DateTimeOffset UsedAt);
}
