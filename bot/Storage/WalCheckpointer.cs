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
/// </summary>
public sealed partial class WalCheckpointer : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private int _caughtUp;

    public WalCheckpointer(string connectionString, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL checkpoints" };
        _thread.Start();
    }

    /// <summary>True once after each checkpoint that copied the whole log as it was when it began.</summary>
    public bool TakeCaughtUp() => Interlocked.Exchange(ref _caughtUp, 0) == 1;

    /// <summary>
    /// The writer's part, on its own connection between transactions: copy what was appended since
    /// the last checkpoint, so the next transaction writes the log from its beginning again.
    /// </summary>
    public static void CopyRest(SqliteConnection writer)
    {
        using var command = writer.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        command.ExecuteNonQuery();
    }

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

                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    using var result = command.ExecuteReader();
                    // (busy, frames in the log, frames copied); -1 frames when not in WAL mode.
                    if (result.Read() && result.GetInt32(0) == 0 && result.GetInt32(1) > 0 && result.GetInt32(2) == result.GetInt32(1))
                    {
                        Volatile.Write(ref _caughtUp, 1);
                    }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed (SQLite error {Code}); trying again")]
    private static partial void LogFailed(ILogger logger, int code);
}
