using System.Text.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// Runs received LINE events as turns, from the durable queue the webhook fills. An event is
/// claimed for a while (<see cref="LineInboundEvent.ClaimedUntil"/>) so two instances never run
/// it at once, and one user's events run in order. The turn's incoming id is the
/// webhookEventId: processed_activities makes a rerun after a crash return the stored result
/// instead of a second turn, and the turn's outbox row (written by TurnRunner for every LINE
/// conversation) sends what it said.
/// </summary>
public sealed partial class LineEventWorker(
    IServiceScopeFactory scopes,
    TurnRunner turns,
    LineConversations conversations,
    LineProtector protector,
    LineSignals signals,
    IOptions<LineOptions> options,
    TimeProvider clock,
    ILogger<LineEventWorker> logger) : BackgroundService
{
    /// <summary>Said to a sticker, a photo or a voice message: only text is read.</summary>
    public const string TextOnly = "すみません、画像やスタンプ、音声は読み取れません。文字で送ってください。";

    public static readonly string TooLong = $"メッセージは{MessageLimits.MaxTextLength}文字までです。分けて送ってください。";

    private const int MaxAttempts = 5;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private DateTimeOffset _nextPurge;

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
                var ran = await RunDueAsync(stoppingToken);
                await PurgeAsync(stoppingToken);
                if (!ran)
                {
                    await signals.WaitForEventsAsync(TimeSpan.FromSeconds(2), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or JsonException or System.Security.Cryptography.CryptographicException)
            {
                LogLoopError(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
            }
        }
    }

    /// <summary>Runs what is due; true when something ran (there may be more).</summary>
    private async Task<bool> RunDueAsync(CancellationToken cancellationToken)
    {
        List<long> due;
        var now = clock.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Set<LineInboundEvent>();
            due = await events
                .Where(e => e.DoneAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now)
                            && !events.Any(o => o.DoneAt == null && o.UserHash == e.UserHash && o.Id < e.Id))
                .OrderBy(e => e.Id)
                .Select(e => e.Id)
                .Take(20)
                .ToListAsync(cancellationToken);
        }

        var ran = false;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            now = clock.GetUtcNow();
            var claimed = await db.Set<LineInboundEvent>()
                .Where(e => e.Id == id && e.DoneAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, now + Lease).SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                try
                {
                    await RunAsync(scope.ServiceProvider, db, id, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: another instance, or this one after its restart, takes it at once
                    // instead of after the lease. (After a crash the lease runs out instead.)
                    await ReleaseAsync(id);
                    throw;
                }

                ran = true;
            }
        }

        return ran;
    }

    private async Task RunAsync(IServiceProvider services, IntakeDbContext db, long id, CancellationToken cancellationToken)
    {
        var row = await db.Set<LineInboundEvent>().SingleAsync(e => e.Id == id, cancellationToken);
        if (row.Attempts > MaxAttempts)
        {
            // An event that fails every time (a turn that throws, a body that no longer opens)
            // must not hold up the user's later messages for ever.
            LogGaveUp(logger, row.Type, row.Attempts - 1);
            row.SealedReplyToken = null;
            await DoneAsync(db, row, cancellationToken);
            return;
        }

        using var document = JsonDocument.Parse(row.SealedBody.Length == 0 ? "null" : protector.Unprotect(row.SealedBody));
        if (LineEvent.TryParse(document.RootElement) is not { } e)
        {
            await DoneAsync(db, row, cancellationToken);
            return;
        }

        if (row.ConversationKey is null)
        {
            // Fixed before the turn: a rerun after a crash runs in the same conversation even if
            // the user has moved on to a new one since.
            var generation = await conversations.CurrentAsync(db, row.UserHash, e.UserId, cancellationToken);
            row.ConversationKey = LineChannel.ConversationKey(row.UserHash, generation);
            await db.SaveChangesAsync(cancellationToken);
        }

        var key = row.ConversationKey;
        var address = LineConversations.Address(key, row.UserHash);
        if (e.Type != LineEvent.Unfollow)
        {
            // Whoever writes follows the account, even if the follow event was lost or came late.
            await conversations.BlockAsync(db, row.UserHash, null, cancellationToken);
        }

        switch (e.Type)
        {
            case LineEvent.Follow:
                // The welcome and the consent question, as when Web Chat opens.
                await RunTurnAsync(services, db, row, e, new TurnRequest(address, UserInput.Started, null, e.WebhookEventId,
                    AssignUserActivityId: true, CreateIfMissing: true, DeliverToServiceUrl: false), cancellationToken);
                return;
            case LineEvent.Unfollow:
                await UnfollowAsync(db, row, address, e, cancellationToken);
                return;
            case LineEvent.Message when e.MessageType != "text":
                await NoticeAsync(db, row, TextOnly, cancellationToken);
                return;
        }

        var text = UserInput.Message(e.Type == LineEvent.Postback ? e.PostbackData! : e.Text!).Text;
        if (text.Length > MessageLimits.MaxTextLength)
        {
            await NoticeAsync(db, row, TooLong, cancellationToken);
            return;
        }

        var user = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = LineChannel.Id,
            From = address.User,
            Recipient = address.Bot,
            Conversation = new ConversationAccount { Id = key },
            Text = text,
            TextFormat = "plain",
            Locale = ReplyRenderer.Locale,
        };
        await RunTurnAsync(services, db, row, e, new TurnRequest(address, UserInput.Message(text), user, e.WebhookEventId,
            AssignUserActivityId: true, CreateIfMissing: true, DeliverToServiceUrl: false), cancellationToken);
    }

    private async Task RunTurnAsync(IServiceProvider services, IntakeDbContext db, LineInboundEvent row, LineEvent e, TurnRequest request, CancellationToken cancellationToken)
    {
        var run = turns.RunAsync(request, cancellationToken);
        if (e.Type is LineEvent.Message or LineEvent.Postback
            && await Task.WhenAny(run, Task.Delay(options.Value.LoadingAfter, clock, cancellationToken)) != run)
        {
            // A slow turn (a language model, a busy database): 「読み込み中」 in the chat meanwhile.
            // Shown or not, the answer comes the same way; so one try, no retry.
            var loading = await services.GetRequiredService<LineApi>().StartLoadingAsync(e.UserId, 20, cancellationToken);
            if (!loading.Succeeded)
            {
                LogLoadingFailed(logger, loading.Status);
            }
        }

        var outcome = await run;
        if (outcome.Status == TurnStatus.Busy)
        {
            // Soon again, from the database.
            row.ClaimedUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // After a filed intake or 「最初から」 the user's next message opens a fresh conversation
        // (as the web page forgets a filed one), so one LINE account never mixes two intakes.
        if (LineConversations.Filed(outcome.Replies)
            || (request.UserActivity is { } said && InputSignals.Command(said.Text ?? string.Empty) == GlobalCommand.Restart))
        {
            await conversations.AdvanceAsync(db, row.UserHash, LineConversations.GenerationOf(request.Address.Key), cancellationToken);
        }

        await DoneAsync(db, row, cancellationToken);
        signals.MessagesQueued();
    }

    /// <summary>
    /// The user blocked the account: the conversation's unfinished data goes as with 「やめる」, and
    /// nothing more is sent (LINE would refuse it anyway).
    /// </summary>
    private async Task UnfollowAsync(IntakeDbContext db, LineInboundEvent row, ConversationAddress address, LineEvent e, CancellationToken cancellationToken)
    {
        // First: the 「やめる」 turn's own answer must not go out either.
        await conversations.BlockAsync(db, row.UserHash, clock.GetUtcNow(), cancellationToken);
        var outcome = await turns.RunAsync(new TurnRequest(address, UserInput.Message("やめる"), null, e.WebhookEventId,
            AssignUserActivityId: true, CreateIfMissing: false, DeliverToServiceUrl: false), cancellationToken);
        if (outcome.Status == TurnStatus.Busy)
        {
            row.ClaimedUntil = clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await db.Set<LineOutboundMessage>().Where(o => o.UserHash == row.UserHash).ExecuteDeleteAsync(cancellationToken);
        await conversations.AdvanceAsync(db, row.UserHash, LineConversations.GenerationOf(address.Key), cancellationToken);
        row.SealedReplyToken = null;
        await DoneAsync(db, row, cancellationToken);
    }

    /// <summary>A fixed answer that runs no turn, queued in the same commit that marks the event done.</summary>
    private async Task NoticeAsync(IntakeDbContext db, LineInboundEvent row, string notice, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Set<LineOutboundMessage>().Add(new LineOutboundMessage
        {
            UserHash = row.UserHash,
            Notice = notice,
            WebhookEventId = row.WebhookEventId,
            RetryKey = Guid.NewGuid(),
            NextAttemptAt = now,
            CreatedAt = now,
        });
        await DoneAsync(db, row, cancellationToken);
        signals.MessagesQueued();
    }

    private async Task DoneAsync(IntakeDbContext db, LineInboundEvent row, CancellationToken cancellationToken)
    {
        // The text is in the conversation's stream now; the row stays only to recognise a redelivery.
        row.SealedBody = string.Empty;
        row.DoneAt = clock.GetUtcNow();
        row.ClaimedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ReleaseAsync(long id)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Set<LineInboundEvent>()
            .Where(e => e.Id == id && e.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>Processed events older than any accepted redelivery are only ids: they go.</summary>
    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + TimeSpan.FromMinutes(10);
        var before = now - (2 * options.Value.MaxEventAge);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Set<LineInboundEvent>().Where(e => e.DoneAt != null && e.DoneAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LINE {Type} event given up after {Attempts} failed attempts")]
    private static partial void LogGaveUp(ILogger logger, string type, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "LINE loading animation not shown (status {Status})")]
    private static partial void LogLoadingFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE event loop error: {Error}")]
    private static partial void LogLoopError(ILogger logger, string error);
}
