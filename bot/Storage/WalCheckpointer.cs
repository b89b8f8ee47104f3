using Microsoft.Data.Sqlite;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Copies SQLite's write-ahead log into the database file from its own connection and thread, so
/// the group commit's writer never has to: SQLite's automatic checkpoint runs on the connection
/// that commits, and made about one batch in ten wait several milliseconds longer, with every turn
/// of the batch. PASSIVE checkpoints never wait for the writer nor block it or the readers; once
/// one has copied everything, the writer starts the log from its beginning again.
/// </summary>
public sealed partial class WalCheckpointer : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public WalCheckpointer(string connectionString, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL checkpoints" };
        _thread.Start();
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
                    command.ExecuteNonQuery();
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
