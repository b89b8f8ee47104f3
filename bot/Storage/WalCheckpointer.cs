using Microsoft.Data.Sqlite;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Copies SQLite's write-ahead log into the database file from its own connection and thread, so
/// the group commit's writer does not have to: SQLite's automatic checkpoint runs on the
/// connection that commits, and made about one batch in ten wait several milliseconds longer,
/// with every turn of the batch. PASSIVE checkpoints never wait for the writer nor block it or
/// the readers.
/// The log only starts again from its beginning when a write transaction finds every frame
/// copied, and under steady load the writer has always appended more while a checkpoint ran: left
/// alone, the -wal file grows without end (gigabytes in minutes, and the kernel zero-fills each
/// new page of it). So after a checkpoint that caught up with the log it saw, the writer is told
/// (<see cref="TakeCaughtUp"/>) and copies the few frames it added meanwhile itself
/// (<see cref="CopyRest"/>), which lets its next transaction restart the log.
/// That copy ends with an fsync of the database file, and every turn queued meanwhile waits for
/// it. After one checkpoint of a busy log the writer had added hundreds of pages, and its copy
/// took 9–14 ms at the median and up to 45 ms, three or four times a second: most of the
/// slowest turns. So the writer is told only once the log is long enough to be worth a stop
/// (<see cref="StorageOptions.WalRestartMegabytes"/>; at 1,500 turns/s the log grows by 70 MB a
/// second), and the checkpointer first catches up in passes, each copying what was appended
/// during the last, until one finds little new (<see cref="SmallRest"/>) or stops shrinking.
/// </summary>
public sealed partial class WalCheckpointer : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Frames a pass may find new and still leave the rest to the writer (1 MB of 4 KB pages).</summary>
    public const int SmallRest = 256;

    // A log appended faster than passes copy it does not converge: the writer then copies more.
    private const int MaxPasses = 4;

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly long _restartBytes;
    private int _caughtUp;
    // Only the checkpointer's thread touches these.
    private int _lastCopied;
    private long _pageSize;

    public WalCheckpointer(string connectionString, ILogger logger, long restartBytes)
    {
        _connectionString = connectionString;
        _logger = logger;
        _restartBytes = restartBytes;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL checkpoints" };
        _thread.Start();
    }

    /// <summary>
    /// True once after the checkpointer caught up with a log of at least the restart size, all but
    /// a few frames that the writer copies with <see cref="CopyRest"/>.
    /// </summary>
    public bool TakeCaughtUp() => Interlocked.Exchange(ref _caughtUp, 0) == 1;

    /// <summary>
    /// The writer's part, on its own connection between transactions: copy what was appended since
    /// the last checkpoint, so the next transaction writes the log from its beginning again.
    /// </summary>
    public static void CopyRest(SqliteConnection writer) => Checkpoint(writer);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stop.Token.WaitHandle.WaitOne(Interval))
            {
                try
                {
                    if (connection is null)
                    {
                        // Opened on first use: at start-up the data folder may not exist yet.
                        connection = new SqliteConnection(_connectionString);
                        connection.Open();
                    }

                    CatchUp(connection);
                }
                catch (SqliteException ex)
                {
                    LogFailed(_logger, ex.SqliteErrorCode);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void CatchUp(SqliteConnection connection)
    {
        var before = int.MaxValue;
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var (busy, log, copied) = Checkpoint(connection);
            // A reader's snapshot may hold back the last frames; the writer copies those, if few.
            if (busy || log <= 0 || log - copied > SmallRest)
            {
                return;
            }

            // The log restarted since the last pass when it is shorter than what that one copied.
            var fresh = log >= _lastCopied ? log - _lastCopied : log;
            _lastCopied = copied;
            if (LogBytes(connection, log) < _restartBytes)
            {
                return;
            }

            // A pass that did not halve the rest will not be followed by a much shorter one: the
            // writer appends as fast as a pass copies (its fsync takes milliseconds whatever it copies).
            if (fresh <= SmallRest || fresh > before / 2 || pass == MaxPasses)
            {
                // The writer restarts the log next: all of it will be new to the next pass.
                _lastCopied = 0;
                Volatile.Write(ref _caughtUp, 1);
                return;
            }

            before = fresh;
        }
    }

    private long LogBytes(SqliteConnection connection, int frames)
    {
        if (_pageSize == 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size;";
            _pageSize = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return frames * _pageSize;
    }

    private static (bool Busy, int Log, int Copied) Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var result = command.ExecuteReader();
        // (busy, frames in the log, frames copied); -1 frames when not in WAL mode.
        return result.Read() ? (result.GetInt32(0) != 0, result.GetInt32(1), result.GetInt32(2)) : (true, -1, -1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed (SQLite error {Code}); trying again")]
    private static partial void LogFailed(ILogger logger, int code);
}
