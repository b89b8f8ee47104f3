using System.Globalization;
using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Retention;

/// <summary>What one run changed.</summary>
public sealed record RetentionReport(int ConversationsPurged, int TicketsAnonymised);

/// <summary>
/// Deletes what the center no longer needs, in batches:
/// <list type="bullet">
/// <item>Tickets closed (終了) at least <see cref="RetentionOptions.ClosedTicketDays"/> ago are
/// anonymised: the encrypted record, triage reasons, transcript, the asker's name, the notes and
/// the free text of the history are erased; number, kind, priority, 業務区分, flags, due date,
/// role, status and dates stay, so the queue and the statistics still count them.</item>
/// <item>Conversations with no turn for <see cref="RetentionOptions.AbandonedConversationDays"/>
/// are deleted with their messages, processed ids and reply outbox, unless a ticket of theirs
/// still holds personal data (open, or closed but not yet anonymised): the coordinator may need
/// the person to continue the chat, and the chat goes once its tickets are anonymised.</item>
/// </list>
/// Every change is one conditional statement that re-checks its condition in the database
/// (status and marker for tickets, last turn time and tickets for conversations), so a turn that
/// lands during the run keeps its conversation, and two instances running at once change each
/// row once. One audit entry per run records the counts.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger)
{
    public const string AuditUser = "system";
    public const string AuditAction = "retention";
    public const string AnonymisedEvent = "anonymise";

    public async Task<RetentionReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Tickets first: a conversation whose last ticket is anonymised now goes in the same run.
        var tickets = await AnonymiseClosedTicketsAsync(now - TimeSpan.FromDays(settings.ClosedTicketDays), now, settings.BatchSize, cancellationToken);
        var conversations = await PurgeAbandonedConversationsAsync(now - TimeSpan.FromDays(settings.AbandonedConversationDays), settings.BatchSize, cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        if ((tickets > 0 || conversations > 0) && db.Database.IsSqlite())
        {
            // secure_delete overwrites the database pages; the old text also sits in WAL frames
            // until a checkpoint, so take it now.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"会話削除 {conversations}件（{settings.AbandonedConversationDays}日以上やりとりなし）・相談票匿名化 {tickets}件（終了後{settings.ClosedTicketDays}日以上）");
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(null, AuditUser, AuditAction, null, AuditLog.Ok, detail, cancellationToken);
        LogRun(logger, conversations, tickets);
        return new RetentionReport(conversations, tickets);
    }

    /// <summary>Anonymises tickets closed on or before <paramref name="cutoff"/>; returns how many this call changed.</summary>
    public async Task<int> AnonymiseClosedTicketsAsync(DateTimeOffset cutoff, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        var after = 0L;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var closing = db.TicketEvents.Where(e => e.Kind == "status" && e.ToStatus == TicketStatuses.Closed);
            var ids = await db.Tickets.AsNoTracking()
                .Where(t => t.Id > after && t.Status == TicketStatuses.Closed && t.RecordJson != TicketRecord.AnonymisedMarker
                            && (closing.Any(e => e.TicketId == t.Id && e.At <= cutoff)
                                || (!closing.Any(e => e.TicketId == t.Id) && t.CreatedAt <= cutoff)))
                .OrderBy(t => t.Id).Select(t => t.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            after = ids[^1];
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var id in ids)
            {
                // The condition decides: of two instances, or a run and a retry, one changes the row.
                var changed = await db.Tickets
                    .Where(t => t.Id == id && t.Status == TicketStatuses.Closed && t.RecordJson != TicketRecord.AnonymisedMarker)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.RecordJson, TicketRecord.AnonymisedMarker)
                        .SetProperty(t => t.TriageJson, TicketRecord.AnonymisedMarker)
                        .SetProperty(t => t.TranscriptJson, TicketRecord.AnonymisedMarker), cancellationToken);
                if (changed == 0)
                {
                    continue;
                }

                await db.TicketCases.Where(c => c.TicketId == id)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(c => c.ProtectedName, (string?)null)
                        .SetProperty(c => c.ProtectedSummary, (string?)null)
                        .SetProperty(c => c.UpdatedAt, now), cancellationToken);
                await db.TicketNotes.Where(n => n.TicketId == id).ExecuteDeleteAsync(cancellationToken);
                await db.TicketAddenda.Where(a => a.TicketId == id).ExecuteDeleteAsync(cancellationToken);
                await db.TicketEvents.Where(e => e.TicketId == id && e.Detail != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, (string?)null), cancellationToken);
                db.TicketEvents.Add(new TicketEvent { TicketId = id, At = now, Actor = AuditUser, Kind = AnonymisedEvent });
                total++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (ids.Count < batchSize)
            {
                return total;
            }
        }
    }

    /// <summary>Deletes conversations whose last turn was before <paramref name="cutoff"/>; returns how many this call deleted.</summary>
    public async Task<int> PurgeAbandonedConversationsAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        string? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var ids = await Abandoned(db, cutoff)
                .Where(c => after == null || string.Compare(c.Id, after) > 0)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            after = ids[^1];
            total += await PurgeAsync(db, ids, cutoff, cancellationToken);
            if (ids.Count < batchSize)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Deletes those of <paramref name="ids"/> that are still abandoned when the statement runs:
    /// a conversation that got a turn since it was picked (its <c>UpdatedAt</c> moved) or a
    /// ticket stays. Activities and processed ids go with it (foreign keys cascade).
    /// </summary>
    public static async Task<int> PurgeAsync(IntakeDbContext db, IReadOnlyCollection<string> ids, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await Abandoned(db, cutoff).Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        // The outbox has no foreign key (it outlives nothing but its conversation).
        await db.OutboundDeliveries.Where(o => ids.Contains(o.ConversationId) && !db.Conversations.Any(c => c.Id == o.ConversationId))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static IQueryable<ConversationRecord> Abandoned(IntakeDbContext db, DateTimeOffset cutoff) =>
        db.Conversations.Where(c => c.UpdatedAt < cutoff
                                    && !db.Tickets.Any(t => t.ConversationId == c.Id && t.RecordJson != TicketRecord.AnonymisedMarker));

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Conversations} conversations purged, {Tickets} tickets anonymised")]
    private static partial void LogRun(ILogger logger, int conversations, int tickets);
}
