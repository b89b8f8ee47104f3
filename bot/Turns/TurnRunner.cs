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
    TicketCaseUpdates caseUpdates,
    ConversationSignals signals,
    ReplyDeliverySignal deliveries,
    TimeProvider clock,
    ConversationProtector protector,
    TurnCommitter committer,
    ConversationCache cache,
    ITurnPreparer preparer,
    CaseKeys caseKeys,
    ILogger<TurnRunner> logger)
{
    private const int MaxAttempts = 8;

    public async Task<TurnOutcome> RunAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            // Created on first use: a turn known from the cache may never need one.
            var db = new Lazy<IntakeDbContext>(scope.ServiceProvider.GetRequiredService<IntakeDbContext>, LazyThreadSafetyMode.None);
            // Only the first attempt trusts the cache: after a failed save, the database decides.
            var cached = attempt == 1 && cache.TryGet(request.Address.Key, out var record, out var state) ? (record, state) : default;
            try
            {
                var outcome = await TryRunAsync(db, request, cached, cancellationToken);
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
                if (ExpectedConflictLoggerFactory.IsExpectedConflict(ex))
                {
                    LogConflict(logger, request.Address.Key, attempt, ex.GetType().Name);
                }
                else
                {
                    LogSaveFailed(logger, request.Address.Key, attempt, (ex.InnerException ?? ex).GetType().Name);
                }

                cache.Forget(request.Address.Key);
                if (cached.record is null)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                }
            }
        }

        LogBusy(logger, request.Address.Key);
        return TurnOutcome.Busy;
    }

    private async Task<TurnOutcome> TryRunAsync(
        Lazy<IntakeDbContext> context, TurnRequest request, (ConversationRecord? Record, IntakeState? State) cached, CancellationToken cancellationToken)
    {
        var address = request.Address;
        var stored = cached.Record;
        var saved = cached.State;
        // From the cache, no read: the update only succeeds if the stored Version is still the
        // cached one, and an activity processed before makes its processed_activities insert fail;
        // either way the turn reruns from the database and finds the stored result.
        stored ??= await context.Value.Conversations.SingleOrDefaultAsync(c => c.Id == address.Key, cancellationToken);

        if (stored is not null && saved is null && request.IncomingId is { } incomingId)
        {
            var processed = await context.Value.ProcessedActivities.AsNoTracking()
                .SingleOrDefaultAsync(p => p.ConversationId == address.Key && p.IncomingId == incomingId, cancellationToken);
            if (processed is not null)
            {
                LogReplayed(logger, address.Key);
                return await StoredResultAsync(context.Value, processed, cancellationToken);
            }
        }

        var now = clock.GetUtcNow();
        var isNew = false;
        if (stored is null)
        {
            if (!request.CreateIfMissing)
            {
                return TurnOutcome.Unknown;
            }

            isNew = true;
            stored = new ConversationRecord
            {
                Id = address.Key,
                ExternalId = address.ExternalId,
                ChannelId = address.ChannelId,
                UserId = address.User.Id!,
                // Only a serviceUrl the endpoint allowed replies to (never an expectReplies caller's).
                ServiceUrl = request.DeliverToServiceUrl ? address.ServiceUrl : null,
                BotId = request.DeliverToServiceUrl && address.ServiceUrl is not null ? address.Bot.Id : null,
                SealedState = [],
                CreatedAt = now,
            };
            saved = new IntakeState();
        }

        saved ??= protector.OpenState(stored.SealedState);
        var result = conversation.Handle(saved, request.Input, now);
        // A language model, when configured, is asked here: after the read, before the
        // transaction, with its own short timeout; what it found is passed to the core as data.
        var input = request.Input;
        if (await preparer.PrepareAsync(saved, input, result, now, cancellationToken) is { } prepared)
        {
            input = prepared;
            result = conversation.Handle(saved, input, now);
        }

        // A 受付番号 and 引き継ぎコード are checked against the tickets, in this turn's unit of work:
        // the wrong-code count, the lock and the attachment commit with the turn, or not at all.
        var checkedCaseKey = false;
        if (result.CaseKeyToCheck is { } caseKey)
        {
            var answer = await caseKeys.CheckAsync(context.Value, address.Key, caseKey, now, cancellationToken);
            result = conversation.Handle(saved, input.WithCaseKey(answer), now);
            checkedCaseKey = true;
        }

        var write = new TurnWrite(stored, isNew, stored.Version);
        var sequenceRead = stored.LastSequence;
        var sequence = sequenceRead;

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
            write.Activities.Add(Row(address.Key, sequence, user, fromUser: true, now));
        }

        var replies = new List<Activity>();
        var created = new List<TicketRecord>();
        var deleting = result.SideEffects.OfType<DeleteConversationData>().Any();
        var delivery = request.DeliverToServiceUrl && address.ServiceUrl is not null;

        // The rows of the bot's replies and the new state, from a result: changes nothing, so a
        // ticket turn can render them before its commit, with the numbers it expects.
        RenderedTurn Render(TurnResult numbered)
        {
            if (numbered.Replies.Any(r => r.Text.Contains(TurnResult.AttachCodePlaceholder, StringComparison.Ordinal)))
            {
                // No code was made this turn (its ticket was filed by an earlier run): none is shown.
                numbered = numbered.WithAttachCode(TurnResult.CodeShownMark);
            }

            var last = sequence;
            var rendered = new RenderedTurn(sequence + 1, [], []);
            var filed = numbered.SideEffects.Any(e => e is CreateTicket { Kind: TicketKind.Intake });
            foreach (var reply in numbered.Replies)
            {
                last++;
                // Strictly increasing timestamps: Web Chat orders by them, and equal ones may swap.
                var activity = ReplyRenderer.Render(reply, address, ActivityId(address.ExternalId, last), now.AddMilliseconds(rendered.Replies.Count + 1), user?.Id, filed);
                rendered.Replies.Add(activity);
                rendered.Rows.Add(Row(address.Key, last, activity, fromUser: false, now));
            }

            return rendered with { LastSequence = last, SealedState = protector.Seal(numbered.State) };
        }

        // Into the turn's writes: the replies, the state and the processed marker.
        void Apply(RenderedTurn rendered)
        {
            sequence = rendered.LastSequence;
            replies.AddRange(rendered.Replies);
            write.Activities.AddRange(rendered.Rows);
            stored.SealedState = rendered.SealedState;
            stored.LastSequence = sequence;
            stored.WaitingForPersonSince = result.State.WaitingForPersonSince;
            if (request.DeliverToServiceUrl && address.ServiceUrl is { } serviceUrl)
            {
                // The latest a channel named: where the desk's messages go.
                stored.ServiceUrl = serviceUrl;
            }

            stored.Version++;
            stored.UpdatedAt = now;
            if (request.IncomingId is { } id)
            {
                write.Processed = new ProcessedActivity
                {
                    ConversationId = address.Key,
                    IncomingId = id,
                    UserSequence = userSequence,
                    FirstReplySequence = rendered.FirstSequence,
                    LastReplySequence = sequence,
                    ProcessedAt = now,
                };
            }

            if (delivery && replies.Count > 0)
            {
                context.Value.OutboundDeliveries.Add(new OutboundDelivery
                {
                    ConversationId = address.Key,
                    ExternalConversationId = address.ExternalId,
                    ServiceUrl = address.ServiceUrl!,
                    ReplyToId = user?.Id,
                    FirstSequence = rendered.FirstSequence,
                    LastSequence = sequence,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
            }
        }

        // Either way the save fails (DbUpdateException) if another turn of this conversation
        // committed since the read, or this activity was processed before.
        var ticketEffects = result.SideEffects.OfType<CreateTicket>().ToList();
        var ticketUpdates = result.SideEffects.Where(TicketCaseUpdates.Applies).ToList();
        if (!deleting && !delivery && !checkedCaseKey && ticketEffects.Count == 0 && ticketUpdates.Count == 0)
        {
            Apply(Render(result));
            await committer.SaveAsync(context, write, cancellationToken);
        }
        else
        {
            var db = context.Value;
            if (deleting)
            {
                user = await RedactAsync(db, address.Key, sequenceRead, write, cancellationToken);
            }

            // A contact or 追記 for the case's tickets filed in earlier turns, in this turn's commit.
            await caseUpdates.ApplyAsync(db, address.Key, ticketUpdates, now, cancellationToken);

            var drafts = new List<(TicketRecord Ticket, CreateTicket Effect)>();
            // One code per turn that files an intake or handoff ticket; hashed now, outside the commit.
            var attachCode = ticketEffects.Any(e => e.Kind is TicketKind.Intake or TicketKind.Handoff) ? CaseKeys.NewCode() : null;
            var attachCodeHash = attachCode is null ? null : CaseKeys.Hash(attachCode);
            foreach (var effect in ticketEffects)
            {
                // A state from the cache is only saved if it is still the stored one, so no earlier
                // run of this turn can have filed the ticket; a rerun reads the database and asks.
                if (cached.State is null && await tickets.FindAsync(db, address.Key, effect, cancellationToken) is { } filed)
                {
                    result = effect.Kind == TicketKind.Intake ? result.WithReferenceNumber(filed.ReferenceNumber) : result;
                }
                else
                {
                    drafts.Add((tickets.Draft(db, address.Key, effect, now, effect.Kind is TicketKind.Intake or TicketKind.Handoff ? attachCodeHash : null), effect));
                }
            }

            if (drafts.Count == 0)
            {
                Apply(Render(result));
                await committer.SaveAsync(db, write, null, cancellationToken);
            }
            else
            {
                // What names the tickets' numbers: their transcripts, the reply that gives the
                // reference number, the state that keeps it.
                (NumberedTicket[] Tickets, TurnResult Result, RenderedTurn Rendered) Number(int[] yearSequences)
                {
                    var numbered = new NumberedTicket[drafts.Count];
                    var withNumbers = result;
                    // The reply names the intake's number; a handoff's only when the turn files no intake.
                    var named = drafts.Any(d => d.Effect.Kind == TicketKind.Intake) ? TicketKind.Intake : TicketKind.Handoff;
                    for (var i = 0; i < drafts.Count; i++)
                    {
                        var (ticket, effect) = drafts[i];
                        numbered[i] = tickets.Number(ticket, effect, yearSequences[i]);
                        if (effect.Kind == named)
                        {
                            withNumbers = withNumbers.WithReferenceNumber(numbered[i].ReferenceNumber);
                        }
                    }

                    if (attachCode is not null)
                    {
                        withNumbers = withNumbers.WithAttachCode(CaseKey.Display(attachCode));
                    }

                    return (numbered, withNumbers, Render(withNumbers));
                }

                // Rendered before queueing with the numbers SQLite's writer will most likely hand
                // out, so that inside the commit, which every turn waits for, only the numbers are
                // taken; a turn that gets other numbers renders again there.
                using var guess = committer.GuessTicketNumbers(drafts[0].Ticket.Year, drafts.Count);
                var speculative = guess is null ? default : Number([.. Enumerable.Range(guess.First, guess.Count)]);
                await committer.SaveAsync(db, write, async (numbers, ct) =>
                {
                    var taken = new int[drafts.Count];
                    for (var i = 0; i < drafts.Count; i++)
                    {
                        taken[i] = await numbers.NextAsync(drafts[i].Ticket.Year, ct);
                    }

                    var (numbered, withNumbers, rendered) = guess is not null && guess.Matches(taken) ? speculative : Number(taken);
                    for (var i = 0; i < drafts.Count; i++)
                    {
                        tickets.Apply(db, drafts[i].Ticket, drafts[i].Effect, numbered[i], now);
                        created.Add(drafts[i].Ticket);
                    }

                    result = withNumbers;
                    Apply(rendered);
                }, cancellationToken);
            }
        }

        // Logged once committed, and outside the single writer that every turn waits for.
        foreach (var ticket in created)
        {
            LogTicket(logger, address.Key, ticket.ReferenceNumber, ticket.Kind, ticket.Priority);
        }

        cache.Committed(stored, result.State);
        if (deleting && context.Value.Database.IsSqlite())
        {
            await TruncateWriteAheadLogAsync(cancellationToken);
        }

        LogTurn(logger, address.Key, request.Input.IsConversationStart ? "start" : "message", replies.Count, result.State.Step.ToString());
        return new TurnOutcome(TurnStatus.Ran, user, replies);
    }

    /// <summary>
    /// The user refused consent or quit: nothing they wrote before (nor the bot's echo of it) may
    /// stay. The stream keeps neutral stand-ins so watermarks and ids stay valid. Only the rows
    /// this turn read past: a turn that committed since added rows with the sequence numbers this
    /// one is about to use (tracking both would throw, not conflict); the conversation's Version
    /// check turns that race into a retry. Returns the user's activity as now stored.
    /// </summary>
    private async Task<Activity?> RedactAsync(IntakeDbContext db, string conversationId, long sequenceRead, TurnWrite write, CancellationToken cancellationToken)
    {
        var earlier = await db.Activities.Where(a => a.ConversationId == conversationId && a.Sequence <= sequenceRead).ToListAsync(cancellationToken);
        foreach (var row in earlier.Concat(write.Activities.Where(r => r.FromUser)))
        {
            row.Json = protector.Seal(ReplyRenderer.Deleted(protector.OpenActivity(row.Json)));
        }

        return write.Activities.FirstOrDefault(r => r.FromUser) is { } mine ? protector.OpenActivity(mine.Json) : null;
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

    /// <summary>The bot's replies to a turn as answered and as stored, and the state sealed.</summary>
    private sealed record RenderedTurn(long FirstSequence, List<Activity> Replies, List<StoredActivity> Rows)
    {
        public long LastSequence { get; init; }

        public byte[] SealedState { get; init; } = [];
    }

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

    // Debug: one line per turn is noise for the people running a center, and costs a busy instance real CPU.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {ConversationId}: {Input}, {Replies} replies, now at {Step}")]
    private static partial void LogTurn(ILogger logger, string conversationId, string input, int replies, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {ReferenceNumber} ({Kind}, {Priority}) for conversation {ConversationId}")]
    private static partial void LogTicket(ILogger logger, string conversationId, string referenceNumber, string kind, string priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ConversationId}: activity already processed, stored result returned")]
    private static partial void LogReplayed(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ConversationId}: write conflict on attempt {Attempt} ({Error}), retrying")]
    private static partial void LogConflict(ILogger logger, string conversationId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {ConversationId}: save failed on attempt {Attempt} ({Error}), retrying")]
    private static partial void LogSaveFailed(ILogger logger, string conversationId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {ConversationId}: gave up after repeated write conflicts")]
    private static partial void LogBusy(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint after deletion failed (SQLite error {Code}); it happens at the next checkpoint")]
    private static partial void LogCheckpointFailed(ILogger logger, int code);
}
