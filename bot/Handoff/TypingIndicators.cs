using System.Collections.Concurrent;

namespace IntakeBot.Bot.Handoff;

/// <summary>
/// Who is typing in a conversation with a coordinator, kept in this instance's memory only: a
/// typing indicator is worth nothing a few seconds later, so it is never stored. With several
/// instances behind a load balancer an indicator shows only where it arrived (the person's
/// typing on the coordinator's panel, the coordinator's on the person's Direct Line) — the
/// messages themselves are unaffected.
/// </summary>
public sealed class TypingIndicators(TimeProvider clock)
{
    /// <summary>How long an indicator shows after the last keystroke event.</summary>
    public static readonly TimeSpan Shown = TimeSpan.FromSeconds(4);

    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset At)> _coordinators = new(StringComparer.Ordinal);

    public void UserTyped(string conversationId) => Set(_users, conversationId, clock.GetUtcNow());

    /// <summary>Whether the person typed within <see cref="Shown"/>.</summary>
    public bool IsUserTyping(string conversationId) =>
        _users.TryGetValue(conversationId, out var at) && clock.GetUtcNow() - at < Shown;

    public void CoordinatorTyped(string conversationId, string name) => Set(_coordinators, conversationId, (name, clock.GetUtcNow()));

    /// <summary>The coordinator typing now, and since when (the typing activity's stable id), or null.</summary>
    public (string Name, DateTimeOffset At)? CoordinatorTyping(string conversationId) =>
        _coordinators.TryGetValue(conversationId, out var typing) && clock.GetUtcNow() - typing.At < Shown ? typing : null;

    /// <summary>The person sent a message, or the coordinator did: that ends their indicator.</summary>
    public void Sent(string conversationId, bool byUser)
    {
        if (byUser)
        {
            _users.TryRemove(conversationId, out _);
        }
        else
        {
            _coordinators.TryRemove(conversationId, out _);
        }
    }

    private void Set<T>(ConcurrentDictionary<string, T> map, string key, T value)
    {
        if (map.Count >= MaxTracked)
        {
            // Old indicators are worthless: drop them all rather than grow without bound.
            var cutoff = clock.GetUtcNow() - Shown;
            foreach (var entry in map)
            {
                if (entry.Value is DateTimeOffset at ? at < cutoff : entry.Value is ValueTuple<string, DateTimeOffset> t && t.Item2 < cutoff)
                {
                    map.TryRemove(entry.Key, out _);
                }
            }
        }

        map[key] = value;
    }
}
