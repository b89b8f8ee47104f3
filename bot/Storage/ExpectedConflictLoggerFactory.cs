using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// The logger factory EF Core logs through. EF logs every failed command and every failed save
/// as an error with the whole exception, including the write conflicts that the turn runner
/// expects and handles by rerunning the turn (two turns of one conversation at once, on PostgreSQL
/// a duplicate key on the conversation's next activity, or the version check). Those become one
/// Debug line without a stack trace; the turn runner logs each conflict itself. Every other failure
/// keeps EF's own error entry, with its exception.
/// </summary>
public sealed class ExpectedConflictLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ConflictLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The host owns the inner factory.
    }

    /// <summary>A race another writer won: a version check, a duplicate key, a serialization failure or deadlock.</summary>
    public static bool IsExpectedConflict(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }:
                    return true;
            }
        }

        return false;
    }

    private sealed class ConflictLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning && IsExpectedConflict(exception))
            {
                if (inner.IsEnabled(LogLevel.Debug))
                {
                    // Not EF's message: for a failed save it holds the exception with its stack trace.
                    var reason = exception is Npgsql.PostgresException pg ? pg.SqlState : exception!.GetType().Name;
                    inner.Log(LogLevel.Debug, eventId, $"Expected write conflict ({eventId.Name}, {reason}); the caller retries", null, static (message, _) => message);
                }

                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
