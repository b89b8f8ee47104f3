using System.Globalization;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>
/// The committed activities of a conversation after a watermark, for polling and the WebSocket.
/// The watermark is the stream's sequence number, so a client that reconnects with the last
/// watermark it saw gets every later activity exactly once.
/// </summary>
public sealed class ActivityFeed(IServiceScopeFactory scopes, ConversationProtector protector, Handoff.TypingIndicators typing)
{
    private const int MaxBatch = 100;

    /// <summary>The activities after <paramref name="watermark"/> of a conversation known to exist (the WebSocket checked before it opened).</summary>
    public async Task<ActivitySet> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        (await ReadAsync(conversationId, watermark, checkExists: false, cancellationToken))!;

    /// <summary>
    /// A poll: the activities after <paramref name="watermark"/>, or null when the conversation
    /// does not exist. One context for both, and no second query when there is something new.
    /// </summary>
    public Task<ActivitySet?> PollAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        ReadAsync(conversationId, watermark, checkExists: true, cancellationToken);

    private async Task<ActivitySet?> ReadAsync(string conversationId, long watermark, bool checkExists, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Take(MaxBatch)
            .Select(a => new { a.Sequence, a.Json })
            .ToListAsync(cancellationToken);
        // An activity is only ever stored with its conversation, so rows prove it exists.
        if (checkExists && rows.Count == 0 && !await Exists(db, conversationId, cancellationToken))
        {
            return null;
        }

        var last = rows.Count > 0 ? rows[^1].Sequence : watermark;
        var activities = rows.Select(r => protector.OpenActivity(r.Json)).ToList();
        if (typing.CoordinatorTyping(conversationId) is { } coordinator)
        {
            // Ephemeral: outside the watermark and never stored; the same id while one burst of
            // typing lasts, so a client polling every second sees one indicator.
            activities.Add(new Activity
            {
                Type = ActivityTypes.Typing,
                Id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|typing-{coordinator.At.ToUnixTimeMilliseconds()}"),
                Timestamp = coordinator.At,
                ChannelId = "directline",
                From = new ChannelAccount { Id = Turns.ReplyRenderer.DeskAccountId, Name = coordinator.Name, Role = "bot" },
                Conversation = new ConversationAccount { Id = conversationId },
            });
        }

        return new ActivitySet(activities, last.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return await Exists(db, conversationId, cancellationToken);
    }

    private static Task<bool> Exists(IntakeDbContext db, string conversationId, CancellationToken cancellationToken) =>
        db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken);

    /// <summary>Parses a client's watermark: empty or missing means "from the start".</summary>
    public static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(text)
               || (text.Length <= 18 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark));
    }
}
