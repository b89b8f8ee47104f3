using System.Text.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Turns;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// Which conversation a LINE user is in: the user's row (keyed hash, sealed id, generation). A new
/// generation, and so a fresh conversation, after a filed intake, 「最初から」 or unfollow.
/// </summary>
public sealed class LineConversations(LineProtector protector, TimeProvider clock)
{
    public static readonly ChannelAccount Bot = new() { Id = "intakebot", Name = "IntakeBot", Role = "bot" };

    /// <summary>The conversation's address for the turn runner: the user is named only by the hash.</summary>
    public static ConversationAddress Address(string conversationKey, string userHash) =>
        new(conversationKey, conversationKey, LineChannel.Id, Bot, new ChannelAccount { Id = userHash, Role = "user" }, null);

    /// <summary>The user's current generation; the user's row is made on first contact.</summary>
    public async Task<int> CurrentAsync(IntakeDbContext db, string userHash, string userId, CancellationToken cancellationToken)
    {
        var users = db.Set<LineUser>();
        if (await users.AsNoTracking().SingleOrDefaultAsync(u => u.UserHash == userHash, cancellationToken) is { } known)
        {
            return known.Generation;
        }

        var now = clock.GetUtcNow();
        users.Add(new LineUser { UserHash = userHash, SealedUserId = protector.Protect(userId), CreatedAt = now, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }
        catch (DbUpdateException ex) when (ExpectedConflictLoggerFactory.IsExpectedConflict(ex))
        {
            // Another instance made the row first.
            db.ChangeTracker.Clear();
            return (await users.AsNoTracking().SingleAsync(u => u.UserHash == userHash, cancellationToken)).Generation;
        }
    }

    /// <summary>Moves the user on to a fresh conversation, once: only from <paramref name="generation"/>, so a rerun does nothing.</summary>
    public Task AdvanceAsync(IntakeDbContext db, string userHash, int generation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<LineUser>()
            .Where(u => u.UserHash == userHash && u.Generation == generation)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Generation, generation + 1).SetProperty(u => u.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Unfollow blocks the account for the user (null: followed again).</summary>
    public Task BlockAsync(IntakeDbContext db, string userHash, DateTimeOffset? at, CancellationToken cancellationToken) =>
        db.Set<LineUser>().Where(u => u.UserHash == userHash && (at == null ? u.BlockedAt != null : u.BlockedAt == null)).ExecuteUpdateAsync(s => s.SetProperty(u => u.BlockedAt, at), cancellationToken);

    /// <summary>The LINE user id to push to, or null when the user's row is gone or the user blocked the account.</summary>
    public async Task<string?> UserIdAsync(IntakeDbContext db, string userHash, CancellationToken cancellationToken) =>
        await db.Set<LineUser>().AsNoTracking().Where(u => u.UserHash == userHash && u.BlockedAt == null).Select(u => u.SealedUserId).SingleOrDefaultAsync(cancellationToken) is { } sealedId
            ? protector.Unprotect(sealedId)
            : null;

    /// <summary>The generation a conversation key was made with.</summary>
    public static int GenerationOf(string conversationKey) =>
        int.Parse(conversationKey.AsSpan(conversationKey.LastIndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the turn's replies are those of the turn that filed an intake.</summary>
    public static bool Filed(IReadOnlyList<Activity> replies) =>
        replies.Any(r => r.ChannelData is { ValueKind: JsonValueKind.Object } data
                         && data.TryGetProperty("intakebot", out var bot) && bot.ValueKind == JsonValueKind.Object
                         && bot.TryGetProperty("filed", out var filed) && filed.ValueKind == JsonValueKind.True);
}
