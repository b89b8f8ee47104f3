using System.Globalization;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Channels.BotFramework;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Turns;

/// <summary>
/// Runs one turn durably: read the conversation, run the pure core, then write the new state,
/// the user's and the bot's activities, tickets and the reply outbox in one transaction that
/// only commits if nobody else wrote the conversation meanwhile (optimistic concurrency).
/// A lost race reloads and reruns the turn. Replies become visible only through the committed
/// rows, so nothing is ever sent for a turn that did not commit.
/// </summary>
public sealed partial class TurnRunner(
    IServiceScopeFactory scopes,
    IntakeConversation conversation,
    TicketWriter tickets,
    ConversationSignals signals,
    ReplyDeliverySignal deliveries,
    TimeProvider clock,
    ConversationProtector protector,
    TurnCommitter committer,
    ILogger<TurnRunner> logger)
{
    private const int MaxAttempts = 8;

    public async Task<TurnOutcome> RunAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            try
            {
                var outcome = await TryRunAsync(db, request, cancellationToken);
                if (outcome.Status == TurnStatus.Ran)
                {
                    signals.Pulse(request.Address.Key);
                    if (request.DeliverToServiceUrl && outcome.Replies.Count > 0)
                    {
                        deliveries.Pulse();
                    }
                }

                return outcome;
            }
            catch (DbUpdateException ex)
            {
                // Another turn of this conversation (or another ticket number) committed first:
                // start over from what is stored now. A resent activity finds its stored result.
                LogConflict(logger, request.Address.Key, attempt, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }

        LogBusy(logger, request.Address.Key);
        return TurnOutcome.Busy;
    }

    private async Task<TurnOutcome> TryRunAsync(IntakeDbContext db, TurnRequest request, CancellationToken cancellationToken)
    {
        var address = request.Address;
        var stored = await db.Conversations.SingleOrDefaultAsync(c => c.Id == address.Key, cancellationToken);
        if (stored is not null && request.IncomingId is { } incomingId)
        {
            var processed = await db.ProcessedActivities.AsNoTracking()
                .SingleOrDefaultAsync(p => p.ConversationId == address.Key && p.IncomingId == incomingId, cancellationToken);
            if (processed is not null)
            {
                LogReplayed(logger, address.Key);
                return await StoredResultAsync(db, processed, cancellationToken);
            }
        }

        var now = clock.GetUtcNow();
        if (stored is null)
        {
            if (!request.CreateIfMissing)
            {
                return TurnOutcome.Unknown;
            }

            stored = new ConversationRecord
            {
                Id = address.Key,
                ExternalId = address.ExternalId,
                ChannelId = address.ChannelId,
                UserId = address.User.Id!,
                StateJson = protector.Seal(new IntakeState()),
                CreatedAt = now,
            };
            db.Conversations.Add(stored);
        }

        var result = conversation.Handle(protector.OpenState(stored.StateJson), request.Input, now);
        var sequenceRead = stored.LastSequence;
        var sequence = sequenceRead;
        var rows = new List<StoredActivity>();

        Activity? user = null;
        long? userSequence = null;
        if (request.UserActivity is { } incoming)
        {
            user = incoming;
            userSequence = ++sequence;
            if (request.AssignUserActivityId)
            {
                user.Id = ActivityId(address.ExternalId, sequence);
            }

            user.Id ??= ActivityId(address.ExternalId, sequence);
            user.Timestamp = now;
            rows.Add(Row(address.Key, sequence, user, fromUser: true, now));
        }

        var replies = new List<Activity>();
        var deleting = false;
        // Everything from here sees every earlier turn's writes (on SQLite it runs in the group
        // commit), so two turns never take one ticket number.
        await committer.SaveAsync(db, async ct =>
        {
            foreach (var effect in result.SideEffects.OfType<CreateTicket>())
            {
                var ticket = await tickets.AddAsync(db, address.Key, effect, now, ct);
                if (effect.Kind == TicketKind.Intake)
                {
                    result = result.WithReferenceNumber(ticket.ReferenceNumber);
                }

                LogTicket(logger, address.Key, ticket.ReferenceNumber, ticket.Kind, ticket.Priority);
            }

            var firstReply = sequence + 1;
            foreach (var reply in result.Replies)
            {
                sequence++;
                // Strictly increasing timestamps: Web Chat orders by them, and equal ones may swap.
                var activity = ReplyRenderer.Render(reply, address, ActivityId(address.ExternalId, sequence), now.AddMilliseconds(replies.Count + 1), user?.Id);
                replies.Add(activity);
                rows.Add(Row(address.Key, sequence, activity, fromUser: false, now));
            }

            deleting = result.SideEffects.OfType<DeleteConversationData>().Any();
            if (deleting)
            {
                // The user refused consent or quit: nothing they wrote before (nor the bot's echo of
                // it) may stay. The stream keeps neutral stand-ins so watermarks and ids stay valid.
                // Only the rows this turn read past: a turn that committed since added rows with the
                // sequence numbers this one is about to use (tracking both would throw, not conflict);
                // the conversation's Version check below turns that race into a retry.
                var earlier = await db.Activities.Where(a => a.ConversationId == address.Key && a.Sequence <= sequenceRead).ToListAsync(ct);
                foreach (var row in earlier.Concat(rows.Where(r => r.FromUser)))
                {
                    row.Json = protector.Seal(ReplyRenderer.Deleted(protector.OpenActivity(row.Json)));
                }

                if (user is not null)
                {
                    user = protector.OpenActivity(rows.First(r => r.FromUser).Json);
                }
            }

            db.Activities.AddRange(rows);
            stored.StateJson = protector.Seal(result.State);
            stored.LastSequence = sequence;
            stored.Version++;
            stored.UpdatedAt = now;

            if (request.IncomingId is { } id)
            {
                db.ProcessedActivities.Add(new ProcessedActivity
                {
                    ConversationId = address.Key,
                    IncomingId = id,
                    UserSequence = userSequence,
                    FirstReplySequence = firstReply,
                    LastReplySequence = sequence,
                    ProcessedAt = now,
                });
            }

            if (request.DeliverToServiceUrl && replies.Count > 0 && address.ServiceUrl is { } serviceUrl)
            {
                db.OutboundDeliveries.Add(new OutboundDelivery
                {
                    ConversationId = address.Key,
                    ExternalConversationId = address.ExternalId,
                    ServiceUrl = serviceUrl,
                    ReplyToId = user?.Id,
                    FirstSequence = firstReply,
                    LastSequence = sequence,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
            }

            // The conversation's Version check makes the save fail (DbUpdateConcurrencyException)
            // if another turn committed since the read above.
        }, cancellationToken);

        if (deleting && db.Database.IsSqlite())
        {
            await TruncateWriteAheadLogAsync(cancellationToken);
        }

        LogTurn(logger, address.Key, request.Input.IsConversationStart ? "start" : "message", replies.Count, result.State.Step.ToString());
        return new TurnOutcome(TurnStatus.Ran, user, replies);
    }

    /// <summary>
    /// Deleted text still sits in old frames of the -wal file until a checkpoint overwrites the
    /// database pages and truncates the log; do that now rather than whenever SQLite gets to it.
    /// </summary>
    private async Task TruncateWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            LogCheckpointFailed(logger, ex.SqliteErrorCode);
        }
    }

    private async Task<TurnOutcome> StoredResultAsync(IntakeDbContext db, ProcessedActivity processed, CancellationToken cancellationToken)
    {
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == processed.ConversationId
                        && ((a.Sequence >= processed.FirstReplySequence && a.Sequence <= processed.LastReplySequence)
                            || a.Sequence == processed.UserSequence))
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken);
        var user = rows.FirstOrDefault(r => r.Sequence == processed.UserSequence) is { } u ? protector.OpenActivity(u.Json) : null;
        var replies = rows.Where(r => r.Sequence != processed.UserSequence).Select(r => protector.OpenActivity(r.Json)).ToList();
        return new TurnOutcome(TurnStatus.Replayed, user, replies);
    }

    public static string ActivityId(string externalConversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{externalConversationId}|{sequence:D7}");

    private StoredActivity Row(string conversationId, long sequence, Activity activity, bool fromUser, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        Sequence = sequence,
        ActivityId = activity.Id!,
        ClientActivityId = fromUser ? activity.ClientActivityId : null,
        FromUser = fromUser,
        Json = protector.Seal(activity),
        CreatedAt = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ConversationId}: {Input}, {Replies} replies, now at {Step}")]
    private static partial void LogTurn(ILogger logger, string conversationId, string input, int replies, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {ReferenceNumber} ({Kind}, {Priority}) for conversation {ConversationId}")]
    private static partial void LogTicket(ILogger logger, string conversationId, string referenceNumber, string kind, string priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ConversationId}: activity already processed, stored result returned")]
    private static partial void LogReplayed(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ConversationId}: write conflict on attempt {Attempt} ({Error}), retrying")]
    private static partial void LogConflict(ILogger logger, string conversationId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {ConversationId}: gave up after repeated write conflicts")]
    private static partial void LogBusy(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint after deletion failed (SQLite error {Code}); it happens at the next checkpoint")]
    private static partial void LogCheckpointFailed(ILogger logger, int code);
}
