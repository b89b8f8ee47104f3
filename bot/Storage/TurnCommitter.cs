using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using IntakeBot.Bot.Storage.PostgreSql;
using IntakeBot.Bot.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Commits turns. On SQLite many turns share one transaction (group commit): SQLite has one
/// writer and synchronous=FULL makes every commit wait for the disk, so one fsync per turn caps
/// throughput at the disk's flush rate, and SQLite's busy handler parks the waiting writers on
/// sleeping pool threads. Here waiting turns queue without a thread, one writer drains the
/// queue, gives each turn a savepoint (a turn that loses a race is rolled back alone and retried
/// by its runner) and commits the batch with one fsync before anyone is answered. Everything a
/// turn can do without the database (rendering, encryption, drafting a ticket) is done before it
/// queues, and its rows go in through prepared statements, because the writer is the one thread
/// every turn waits for.
/// On PostgreSQL, which locks rows and has its own group commit, each turn commits on its own.
/// </summary>
public sealed partial class TurnCommitter : IAsyncDisposable
{
    private const int MaxBatch = 128;

    /// <summary>The group commit's figures, for <c>dotnet-counters</c> or an OpenTelemetry exporter.</summary>
    public const string MeterName = "IntakeBot.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>("intakebot.storage.commit.wait", "ms", "From a turn queuing for SQLite's group commit to its batch being durable");
    private static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("intakebot.storage.commit.duration", "ms", "One group commit: the turns' writes, the commit and its fsync");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("intakebot.storage.commit.turns", "{turn}", "Turns in one group commit");

    private readonly string? _sqliteConnectionString;
    private readonly ILogger<TurnCommitter> _logger;
    private readonly Channel<PendingTurn> _queue = Channel.CreateUnbounded<PendingTurn>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task? _writer;
    private readonly WalCheckpointer? _checkpointer;
    private SqliteConnection? _connection;
    private SqliteTurnStatements? _statements;
    private SqliteEntityInserter? _inserter;
    private SqliteTicketNumbers? _numbers;

    public TurnCommitter(IOptions<StorageOptions> storage, IHostEnvironment environment, ILogger<TurnCommitter> logger)
    {
        _logger = logger;
        var options = storage.Value;
        if (!options.UsesPostgreSql)
        {
            _sqliteConnectionString = options.ConnectionString(environment.ContentRootPath);
            // Its own thread, not a pool thread: SQLite's calls block (an fsync per batch), and a
            // pool thread would also wait behind every queued request before each batch, while
            // every turn waits for this loop.
            _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            _checkpointer = new WalCheckpointer(_sqliteConnectionString, logger, options.WalRestartMegabytes * 1024L * 1024);
        }
    }

    /// <summary>
    /// Saves an ordinary turn's rows durably (see <see cref="TurnWrite"/>). The context is only
    /// created where it is needed: SQLite's group commit writes these rows itself.
    /// </summary>
    public Task SaveAsync(Lazy<IntakeDbContext> db, TurnWrite write, CancellationToken cancellationToken) =>
        _writer is null ? CommitAsync(db.Value, write, null, cancellationToken) : CommitAsync(null, write, null, cancellationToken);

    /// <summary>
    /// Saves <paramref name="write"/> and whatever else the turn added to or changed in
    /// <paramref name="db"/> durably, after running <paramref name="complete"/> (when given) inside
    /// the commit: the part of a turn that needs the next ticket numbers. It must do nothing
    /// else with the database: on SQLite it runs on the writer every turn waits for. Throws what
    /// SaveChanges would (a <see cref="DbUpdateException"/> on a lost race).
    /// </summary>
    public Task SaveAsync(IntakeDbContext db, TurnWrite write, Func<TicketNumbers, CancellationToken, Task>? complete, CancellationToken cancellationToken) =>
        CommitAsync(db, write, complete, cancellationToken);

    /// <summary>
    /// The numbers a turn's <paramref name="count"/> new tickets will most likely get in the
    /// commit (see <see cref="TicketNumbers.Guess"/>), so it can render what names them before it
    /// queues; null when there is nothing to gain or to go on: on PostgreSQL each turn numbers
    /// inside its own transaction anyway, and SQLite's writer has not counted the year yet.
    /// </summary>
    public TicketNumberGuess? GuessTicketNumbers(int year, int count) =>
        Volatile.Read(ref _numbers)?.Guess(year, count);

    private async Task CommitAsync(IntakeDbContext? db, TurnWrite? write, Func<TicketNumbers, CancellationToken, Task>? complete, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            ArgumentNullException.ThrowIfNull(db);
            if (complete is null)
            {
                // SaveChanges is one transaction already.
                write?.AddTo(db);
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            // One transaction around numbering and save, so the ticket number's lock is held
            // until the commit.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await complete(new PostgreSqlTicketNumbers(db), cancellationToken);
            write?.AddTo(db);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var pending = new PendingTurn(db, write, complete, cancellationToken);
        var queued = Stopwatch.GetTimestamp();
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        try
        {
            await pending.Done.Task;
        }
        finally
        {
            Wait.Record(Stopwatch.GetElapsedTime(queued).TotalMilliseconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer;
        }

        _checkpointer?.Dispose();

        _statements?.Dispose();
        _inserter?.Dispose();
        _numbers?.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void WriteLoop()
    {
        var batch = new List<PendingTurn>(MaxBatch);
        // Blocking waits keep the loop on this thread. The SQLite calls inside complete
        // synchronously; anything that does not is simply waited for.
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            var started = Stopwatch.GetTimestamp();
            CommitBatchAsync(batch).GetAwaiter().GetResult();
            BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            BatchSize.Record(batch.Count);
            if (_checkpointer!.TakeCaughtUp())
            {
                FinishCheckpoint();
            }
        }
    }

    private void FinishCheckpoint()
    {
        try
        {
            if (_connection is { State: System.Data.ConnectionState.Open } connection)
            {
                WalCheckpointer.CopyRest(connection);
            }
        }
        catch (SqliteException ex)
        {
            // Nothing is lost: the log is copied at a later checkpoint.
            LogCheckpointFailed(_logger, ex.SqliteErrorCode);
        }
    }

    private async Task CommitBatchAsync(List<PendingTurn> batch)
    {
        var saved = new List<PendingTurn>(batch.Count);
        try
        {
            var connection = await OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var numbers = _numbers;
            if (numbers is null)
            {
                numbers = new SqliteTicketNumbers(connection);
                Volatile.Write(ref _numbers, numbers);
            }

            numbers.Transaction = transaction;
            var statements = _statements ??= new SqliteTurnStatements(connection);
            for (var i = 0; i < batch.Count; i++)
            {
                var turn = batch[i];
                if (turn.CancellationToken.IsCancellationRequested)
                {
                    turn.Done.TrySetCanceled(turn.CancellationToken);
                    continue;
                }

                statements.BeginTurn(transaction);
                try
                {
                    if (turn.Db is { } db)
                    {
                        if (turn.Complete is { } complete)
                        {
                            await complete(numbers, turn.CancellationToken);
                        }

                        if (turn.Write is not { } rows || !TryWriteDirectly(db, rows, statements, connection, transaction))
                        {
                            // Updates or deletes besides the turn's own rows (a deletion rewrites
                            // earlier activities): EF Core saves them all, on this transaction.
                            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
                            await db.Database.UseTransactionAsync(transaction);
                            turn.Attached = true;
                            turn.Write?.AddTo(db);
                            await db.SaveChangesAsync(turn.CancellationToken);
                        }
                    }
                    else if (turn.Write is { } write)
                    {
                        statements.Execute(write, transaction);
                    }

                    statements.EndTurn(transaction);
                    saved.Add(turn);
                }
                catch (Exception ex)
                {
                    // This turn alone is undone; the others in the batch still commit. It may have
                    // taken ticket numbers: the next turn reads them from the database again.
                    statements.RollBackTurn(transaction);
                    numbers.Forget();
                    Detach(turn);
                    turn.Done.TrySetException(ex);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            // The batch failed as a whole (the database could not be opened, the commit hit a
            // full disk or an I/O error): nothing of it is stored, so every turn in it that has
            // no answer yet (those saved, and any the failure came before) reports the failure,
            // and its runner retries or gives up. None may be left waiting for ever.
            LogBatchFailed(_logger, batch.Count, ex.GetType().Name);
            await ResetConnectionAsync();
            foreach (var turn in batch)
            {
                if (!turn.Done.Task.IsCompleted)
                {
                    Detach(turn);
                    turn.Done.TrySetException(new DbUpdateException("The group commit failed.", ex));
                }
            }

            return;
        }

        foreach (var turn in saved)
        {
            Detach(turn);
            turn.Done.TrySetResult();
        }
    }

    /// <summary>
    /// The turn's own rows through the prepared statements, and what prepare added (a ticket and
    /// its rows) through the model-built inserts; false, with nothing written, when prepare left
    /// something else than inserts.
    /// </summary>
    private bool TryWriteDirectly(IntakeDbContext db, TurnWrite write, SqliteTurnStatements statements, SqliteConnection connection, SqliteTransaction transaction)
    {
        var own = new HashSet<object>(ReferenceEqualityComparer.Instance) { write.Conversation };
        own.UnionWith(write.Activities);
        if (write.Processed is not null)
        {
            own.Add(write.Processed);
        }

        if (SqliteEntityInserter.Plan(db, own) is not { } plan)
        {
            return false;
        }

        statements.Execute(write, transaction);
        _inserter ??= new SqliteEntityInserter(connection);
        _inserter.Insert(plan, transaction);
        return true;
    }

    /// <summary>The writer's connection stays the writer's: a turn's context goes back to its own.</summary>
    private static void Detach(PendingTurn turn)
    {
        if (!turn.Attached)
        {
            return;
        }

        turn.Db!.Database.UseTransaction(null);
        // Owned: a connection the context takes later is its own, and goes back when it is disposed.
        turn.Db!.Database.SetDbConnection(null, contextOwnsConnection: true);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }

        _statements?.Dispose();
        _statements = null;
        _inserter?.Dispose();
        _inserter = null;
        _numbers?.Dispose();
        _numbers = null;
        _connection = new SqliteConnection(_sqliteConnectionString);
        await _connection.OpenAsync();
        await using var pragmas = _connection.CreateCommand();
        // The WalCheckpointer copies the log into the database; the writer only finishes its
        // copies. A larger page cache than SQLite's 2 MB: every turn inserts into the same few
        // tables and indexes, and a page that fell out is read again with a system call, on the
        // thread every turn waits for.
        pragmas.CommandText = SqlitePragmas.Statements + " PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=-32768;";
        await pragmas.ExecuteNonQueryAsync();
        return _connection;
    }

    private async Task ResetConnectionAsync()
    {
        _statements?.Dispose();
        _statements = null;
        _inserter?.Dispose();
        _inserter = null;
        _numbers?.Dispose();
        _numbers = null;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The writer's WAL checkpoint failed (SQLite error {Code}); the next one copies the log")]
    private static partial void LogCheckpointFailed(ILogger logger, int code);

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Turns} turns failed ({Error}); they are retried")]
    private static partial void LogBatchFailed(ILogger logger, int turns, string error);

    private sealed record PendingTurn(IntakeDbContext? Db, TurnWrite? Write, Func<TicketNumbers, CancellationToken, Task>? Complete, CancellationToken CancellationToken)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The context was given the writer's connection, for EF Core to save what the statements cannot.</summary>
        public bool Attached { get; set; }
    }
}
