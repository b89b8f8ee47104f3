using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// EF Core's SQLite connections, pooled here rather than by Microsoft.Data.Sqlite. Its pool can
/// lend one connection to two owners at once: a thread that finds it empty takes back
/// connections it believes leaked, and a connection that another thread is just handing out or
/// returning looks leaked for an instant (dotnet/efcore#39008). The two owners then share one
/// SQLite handle, and opening or closing fails with "unable to delete/modify collation sequence
/// due to active statements": under load, a rare HTTP 500 from any endpoint that reads.
/// Here a context borrows an open connection the first time it needs one and gives it back when
/// it is disposed. EF Core never opens or closes it (it only closes what it opened), so nothing
/// is registered and unregistered on the handle for every query either, as EF Core's own
/// connections do (a dozen functions and a collation each time).
/// Connections no context asked for during a whole minute are closed.
/// </summary>
public sealed class SqliteConnectionLeases : DbConnectionInterceptor, IDisposable
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly string _connectionString;
    private readonly ConcurrentStack<Lease> _idle = new();
    private readonly Timer _prune;
    private int _idleCount;
    // The fewest connections that were idle at once since the last prune: none of those was needed.
    private int _fewestIdle;
    private int _opened;
    private volatile bool _disposed;

    /// <param name="connectionString">With <c>Pooling=False</c>: each connection here is one SQLite handle.</param>
    public SqliteConnectionLeases(string connectionString)
    {
        if (new SqliteConnectionStringBuilder(connectionString).Pooling)
        {
            throw new ArgumentException("Leased connections must not also be pooled by Microsoft.Data.Sqlite (Pooling=False).", nameof(connectionString));
        }

        _connectionString = connectionString;
        _prune = new Timer(_ => Prune(), null, PruneInterval, PruneInterval);
    }

    /// <summary>Connections open now, lent or idle.</summary>
    public int OpenConnections => Volatile.Read(ref _opened);

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        InterceptionResult<DbConnection>.SuppressWithResult(Rent());

    /// <summary>An open connection, with the pragmas set, that goes back here when it is disposed.</summary>
    public SqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryPop(out var lease))
        {
            var idle = Interlocked.Decrement(ref _idleCount);
            for (var fewest = Volatile.Read(ref _fewestIdle); idle < fewest; fewest = Volatile.Read(ref _fewestIdle))
            {
                if (Interlocked.CompareExchange(ref _fewestIdle, idle, fewest) == fewest)
                {
                    break;
                }
            }
        }
        else
        {
            lease = new Lease(this, _connectionString);
            try
            {
                lease.OpenHandle();
            }
            catch
            {
                lease.CloseHandle();
                throw;
            }

            Interlocked.Increment(ref _opened);
        }

        lease.MarkLent();
        return lease;
    }

    /// <summary>Closes the idle connections: after a migration, which may have changed a connection's pragmas.</summary>
    public void Clear()
    {
        while (_idle.TryPop(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            Close(lease);
        }

        Volatile.Write(ref _fewestIdle, 0);
    }

    public void Dispose()
    {
        _disposed = true;
        _prune.Dispose();
        Clear();
    }

    private void Return(Lease lease)
    {
        // A context disposed twice must not put its connection here twice.
        if (!lease.TakeBack())
        {
            return;
        }

        if (_disposed || !lease.IsClean)
        {
            Close(lease);
            return;
        }

        _idle.Push(lease);
        Interlocked.Increment(ref _idleCount);
        if (_disposed)
        {
            Clear();
        }
    }

    /// <summary>Run by the timer each minute; tests call it.</summary>
    internal void Prune()
    {
        var unused = Interlocked.Exchange(ref _fewestIdle, Volatile.Read(ref _idleCount));
        for (var i = 0; i < unused && _idle.TryPop(out var lease); i++)
        {
            Interlocked.Decrement(ref _idleCount);
            Close(lease);
        }
    }

    private void Close(Lease lease)
    {
        lease.CloseHandle();
        Interlocked.Decrement(ref _opened);
    }

    /// <summary>A connection that stays open while lent: EF Core's Close does nothing, its Dispose gives it back.</summary>
    private sealed class Lease(SqliteConnectionLeases owner, string connectionString) : SqliteConnection(connectionString)
    {
        private int _lent;

        /// <summary>No transaction left open, by this connection or by SQL, and still open.</summary>
        public bool IsClean => State == ConnectionState.Open && Transaction is null && SQLitePCL.raw.sqlite3_get_autocommit(Handle) != 0;

        public void MarkLent() => Volatile.Write(ref _lent, 1);

        /// <summary>True once per lending.</summary>
        public bool TakeBack() => Interlocked.Exchange(ref _lent, 0) == 1;

        public override void Close()
        {
        }

        public override Task CloseAsync() => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        public void OpenHandle()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = SqlitePragmas.Statements;
            command.ExecuteNonQuery();
        }

        public void CloseHandle()
        {
            base.Close();
            base.Dispose(true);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                owner.Return(this);
            }
        }
    }
}
