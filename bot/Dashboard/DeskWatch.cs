using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// Watches the queue for the open desk pages of this instance: one reader for all of them, only
/// while at least one is open. It re-reads at once when this instance changed a ticket
/// (<see cref="TicketDeskSignal"/>) and every <see cref="DeskOptions.RecheckInterval"/> otherwise,
/// which finds new tickets from chat turns and whatever another instance wrote.
/// </summary>
public sealed partial class DeskWatch(
    IServiceScopeFactory scopes,
    TicketDeskSignal signal,
    IOptions<DeskOptions> options,
    TimeProvider clock,
    ILogger<DeskWatch> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private TaskCompletionSource<DeskState> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DeskState? _current;
    private int _listeners;

    /// <summary>The last state read, or null before the first.</summary>
    public DeskState? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Completes with the next state that differs from <see cref="Current"/>.</summary>
    public Task<DeskState> NextAsync()
    {
        lock (_lock)
        {
            return _next.Task;
        }
    }

    /// <summary>Keeps the watch reading while an event stream is open.</summary>
    public IDisposable Listen()
    {
        Interlocked.Increment(ref _listeners);
        Wake();
        return new Listener(this);
    }

    public async Task<DeskState> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var tickets = await db.Tickets.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var events = await db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var addenda = await db.TicketAddenda.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        var unclaimed = await db.TicketCases
            .Where(c => c.OwnerId == null && c.PriorityRank <= 1 && c.Ticket.Status != TicketStatuses.Closed)
            .GroupBy(c => c.PriorityRank).Select(g => new { Rank = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var latestUrgent = await db.TicketCases.Where(c => c.PriorityRank == 0).MaxAsync(c => (long?)c.TicketId, cancellationToken) ?? 0;
        // On the context this read has open: no second scope every recheck.
        var waiting = await Handoff.DeskTurns.WaitingConversationsAsync(db, cancellationToken);
        var latestWaiting = waiting.Count == 0 ? 0 : waiting.Max(w => w.Since.ToUnixTimeMilliseconds());
        var state = new DeskState(
            $"{tickets}.{events}.{addenda}.{waiting.Count}.{latestWaiting}",
            unclaimed.SingleOrDefault(u => u.Rank == 0)?.Count ?? 0,
            unclaimed.SingleOrDefault(u => u.Rank == 1)?.Count ?? 0,
            latestUrgent,
            waiting.Count,
            latestWaiting);
        Publish(state);
        return state;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = ForwardSignalsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            Task wake;
            lock (_lock)
            {
                wake = _wake.Task;
            }

            if (Volatile.Read(ref _listeners) > 0)
            {
                try
                {
                    await ReadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
                {
                    LogReadFailed(logger, ex.GetType().Name);
                }
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                await Task.WhenAny(wake, Task.Delay(options.Value.RecheckInterval, clock, wait.Token));
            }
            finally
            {
                await wait.CancelAsync();
            }

            lock (_lock)
            {
                if (_wake.Task.IsCompleted)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }

    private async Task ForwardSignalsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.NextAsync().WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Wake();
        }
    }

    private void Wake()
    {
        lock (_lock)
        {
            _wake.TrySetResult();
        }
    }

    private void Publish(DeskState state)
    {
        TaskCompletionSource<DeskState> done;
        lock (_lock)
        {
            if (state == _current)
            {
                return;
            }

            _current = state;
            done = _next;
            _next = new TaskCompletionSource<DeskState>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult(state);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk re-check failed ({Error}); trying again later")]
    private static partial void LogReadFailed(ILogger logger, string error);

    private sealed class Listener(DeskWatch watch) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref watch._listeners);
            }
        }
    }
}
