using System.Text.Json.Nodes;
using IntakeBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// Sends queued bot messages to LINE: with the event's reply token while it is fresh, else by
/// push to the user (with a retry key, so a push retried after a timeout arrives once). At most
/// five message objects per call; progress is saved after each accepted call. Throttling and
/// server errors are retried with back-off, never sooner than LINE's Retry-After; after
/// <see cref="LineOptions.GiveUpAfter"/> the messages are dropped and the drop is logged.
/// </summary>
public sealed partial class LineDelivery(
    IServiceScopeFactory scopes,
    LineConversations conversations,
    LineProtector protector,
    ConversationProtector activities,
    LineSignals signals,
    IOptions<LineOptions> options,
    TimeProvider clock,
    ILogger<LineDelivery> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await DeliverDueAsync(stoppingToken))
                {
                    await signals.WaitForMessagesAsync(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or System.Security.Cryptography.CryptographicException)
            {
                LogLoopError(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
            }
        }
    }

    private async Task<bool> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Set<LineOutboundMessage>();
            // One user's messages in the order they were said.
            due = await queue
                .Where(o => o.NextAttemptAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now)
                            && !queue.Any(p => p.UserHash == o.UserHash && p.Id < o.Id))
                .OrderBy(o => o.Id)
                .Select(o => o.Id)
                .Take(20)
                .ToListAsync(cancellationToken);
        }

        var sent = false;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            now = clock.GetUtcNow();
            var claimed = await db.Set<LineOutboundMessage>()
                .Where(o => o.Id == id && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, now + Lease), cancellationToken);
            if (claimed == 1)
            {
                try
                {
                    sent |= await DeliverAsync(db, scope.ServiceProvider.GetRequiredService<LineApi>(), id, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping mid-call: free the row for the next start (after a crash the lease runs out instead).
                    await ReleaseAsync(id);
                    throw;
                }
            }
        }

        return sent;
    }

    /// <summary>True when the row is finished (sent or dropped).</summary>
    private async Task<bool> DeliverAsync(IntakeDbContext db, LineApi api, long id, CancellationToken cancellationToken)
    {
        var row = await db.Set<LineOutboundMessage>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var userId = await conversations.UserIdAsync(db, row.UserHash, cancellationToken);
        var messages = userId is null ? [] : await MessagesAsync(db, row, cancellationToken);
        if (messages.Count == 0)
        {
            db.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var token = row.SentMessages == 0 && !row.PushedFirst ? await ReplyTokenAsync(db, row, cancellationToken) : null;
        if (token is null && row.SentMessages == 0 && !row.PushedFirst)
        {
            row.PushedFirst = true;
        }

        while (true)
        {
            var all = row.PushedFirst && row.ConversationId is not null
                ? [LineMessageRenderer.TextMessage(LineMessageRenderer.NotificationLine), .. messages]
                : messages;
            if (row.SentMessages >= all.Count)
            {
                db.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
                LogDelivered(logger, row.ConversationId ?? "notice", all.Count);
                return true;
            }

            var call = LineMessageRenderer.Calls(all, row.SentMessages).First();
            LineApiResult result;
            if (token is not null)
            {
                result = await api.ReplyAsync(token, call, cancellationToken);
                // Single use, whatever the answer: later calls of this turn are pushes.
                token = null;
                if (!result.Succeeded && !result.Transient)
                {
                    // Expired or used ("Invalid reply token"), or refused: the same messages by push.
                    LogReplyFellBack(logger, row.ConversationId ?? "notice", result.Status);
                    row.PushedFirst = true;
                    await db.SaveChangesAsync(cancellationToken);
                    continue;
                }
            }
            else
            {
                result = await api.PushAsync(userId!, call, RetryKeyFor(row.RetryKey, row.SentMessages), cancellationToken);
                if (result.AlreadyAccepted)
                {
                    // Accepted before (a retry after a lost answer): LINE sent it once.
                    result = result with { Status = 200 };
                }
            }

            if (result.Succeeded)
            {
                row.SentMessages += call.Count;
                row.Attempts = 0;
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var now = clock.GetUtcNow();
            if (!result.Transient || now - row.CreatedAt > options.Value.GiveUpAfter)
            {
                LogGaveUp(logger, row.ConversationId ?? "notice", result.Status, row.Attempts + 1);
                db.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }

            if (row.SentMessages == 0 && !row.PushedFirst)
            {
                // The reply may or may not have gone through; its token is spent either way.
                row.PushedFirst = true;
            }

            row.Attempts++;
            var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, row.Attempts - 1)));
            row.NextAttemptAt = now + (result.RetryAfter is { } after && after > backoff ? after : backoff);
            row.ClaimedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            LogRetry(logger, row.ConversationId ?? "notice", result.Status, row.Attempts);
            return false;
        }
    }

    private async Task<List<JsonObject>> MessagesAsync(IntakeDbContext db, LineOutboundMessage row, CancellationToken cancellationToken)
    {
        if (row.Notice is { } notice)
        {
            return [LineMessageRenderer.TextMessage(notice)];
        }

        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == row.ConversationId && a.Sequence >= row.FirstSequence && a.Sequence <= row.LastSequence && !a.FromUser)
            .OrderBy(a => a.Sequence)
            .Select(a => a.Json)
            .ToListAsync(cancellationToken);
        return LineMessageRenderer.Render([.. rows.Select(activities.OpenActivity)]);
    }

    /// <summary>
    /// The answered event's reply token while it is fresh, taken out of the database before it is
    /// used: it is good for one call only, and a crash after the call must not use it again.
    /// </summary>
    private async Task<string?> ReplyTokenAsync(IntakeDbContext db, LineOutboundMessage row, CancellationToken cancellationToken)
    {
        if (row.WebhookEventId is not { } eventId)
        {
            return null;
        }

        var received = await db.Set<LineInboundEvent>().SingleOrDefaultAsync(e => e.WebhookEventId == eventId, cancellationToken);
        if (received?.SealedReplyToken is not { } sealedToken)
        {
            return null;
        }

        received.SealedReplyToken = null;
        await db.SaveChangesAsync(cancellationToken);
        return clock.GetUtcNow() - received.ReceivedAt < options.Value.ReplyTokenBudget ? protector.Unprotect(sealedToken) : null;
    }

    private async Task ReleaseAsync(long id)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Set<LineOutboundMessage>()
            .Where(o => o.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>One retry key per call of a row: the same call retried carries the same key.</summary>
    private static Guid RetryKeyFor(Guid key, int position)
    {
        Span<byte> bytes = stackalloc byte[16];
        key.TryWriteBytes(bytes);
        bytes[0] ^= (byte)position;
        bytes[1] ^= (byte)(position >> 8);
        return new Guid(bytes);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {Count} LINE messages of {ConversationId}")]
    private static partial void LogDelivered(ILogger logger, string conversationId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "LINE reply for {ConversationId} refused (status {Status}); sending by push")]
    private static partial void LogReplyFellBack(ILogger logger, string conversationId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE delivery for {ConversationId} failed (status {Status}, attempt {Attempt}); retrying later")]
    private static partial void LogRetry(ILogger logger, string conversationId, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "LINE delivery for {ConversationId} given up (status {Status}, {Attempts} attempts)")]
    private static partial void LogGaveUp(ILogger logger, string conversationId, int status, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE delivery loop error: {Error}")]
    private static partial void LogLoopError(ILogger logger, string error);
}
