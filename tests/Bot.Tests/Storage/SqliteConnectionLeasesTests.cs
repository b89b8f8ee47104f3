using IntakeBot.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>
/// EF Core's SQLite connections come from the host's own pool: one per context, never two
/// contexts on one connection, and none left in a transaction lent again.
/// </summary>
[Trait("Category", Support.TestDatabase.ChoosesOwnStore)]
public sealed class SqliteConnectionLeasesTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intakebot-leases-");
    private SqliteConnectionLeases _leases = null!;
    private DbContextOptions<IntakeDbContext> _options = null!;

    public async Task InitializeAsync()
    {
        var connectionString = $"Data Source={Path.Combine(_folder.FullName, "test.db")};Cache=Private;Pooling=False";
        _leases = new SqliteConnectionLeases(connectionString);
        _options = new DbContextOptionsBuilder<IntakeDbContext>().UseSqlite(connectionString).AddInterceptors(_leases).Options;
        await using var db = new IntakeDbContext(_options);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _leases.Dispose();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_context_keeps_one_open_connection_for_all_its_queries_and_the_next_context_gets_it_back()
    {
        SqliteConnection first;
        await using (var db = new IntakeDbContext(_options))
        {
            Assert.Equal(0, await db.Conversations.CountAsync());
            first = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal(0, await db.Activities.CountAsync());
            Assert.Same(first, db.Database.GetDbConnection());
            Assert.Equal(System.Data.ConnectionState.Open, first.State);
        }

        await using (var db = new IntakeDbContext(_options))
        {
            Assert.Equal(0, await db.Conversations.CountAsync());
            Assert.Same(first, db.Database.GetDbConnection());
        }

        Assert.True(_leases.OpenConnections <= 2, $"{_leases.OpenConnections} connections for contexts one after another");
    }

    [Fact]
    public async Task Every_connection_has_the_pragmas_of_the_store()
    {
        await using var db = new IntakeDbContext(_options);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(10000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Contexts_running_at_the_same_time_never_share_a_connection()
    {
        var inUse = new System.Collections.Concurrent.ConcurrentDictionary<SqliteConnection, int>(ReferenceEqualityComparer.Instance);
        var shared = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 2_000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            await using var db = new IntakeDbContext(_options);
            await db.Conversations.AnyAsync(c => c.Id == "c" + i);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (!inUse.TryAdd(connection, i))
            {
                Interlocked.Increment(ref shared);
            }

            await Task.Yield();
            await db.Activities.AnyAsync(a => a.ConversationId == "c" + i);
            inUse.TryRemove(connection, out var _);
        });

        Assert.Equal(0, shared);
        Assert.InRange(_leases.OpenConnections, 1, 16);
    }

    [Fact]
    public async Task A_connection_given_back_inside_a_transaction_is_closed_not_lent_again()
    {
        // The migration's connections are idle now; the context below takes one of them.
        var before = _leases.OpenConnections;
        SqliteConnection abandoned;
        await using (var db = new IntakeDbContext(_options))
        {
            abandoned = (SqliteConnection)db.Database.GetDbConnection();
            // Raw SQL, so neither EF Core nor the connection knows to roll it back.
            await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE; INSERT INTO audit_log (At, UserName, Action, Outcome) VALUES (0, 'x', 'read', 'ok');");
        }

        Assert.Equal(before - 1, _leases.OpenConnections);
        await using var next = new IntakeDbContext(_options);
        Assert.NotSame(abandoned, next.Database.GetDbConnection());
        // Its write was never committed, and it holds no lock: the next context can write.
        Assert.Equal(0, await next.AuditLog.CountAsync());
        await next.Database.ExecuteSqlRawAsync("INSERT INTO audit_log (At, UserName, Action, Outcome) VALUES (0, 'y', 'read', 'ok');");
    }

    [Fact]
    public async Task Connections_no_context_needed_for_a_whole_interval_are_closed()
    {
        _leases.Clear();
        var held = new List<IntakeDbContext>();
        for (var i = 0; i < 5; i++)
        {
            var db = new IntakeDbContext(_options);
            await db.Conversations.CountAsync();
            held.Add(db);
        }

        foreach (var db in held)
        {
            await db.DisposeAsync();
        }

        Assert.Equal(5, _leases.OpenConnections);
        // Since the start all five were needed at once.
        _leases.Prune();
        Assert.Equal(5, _leases.OpenConnections);

        // Then one at a time: the other four were idle the whole interval.
        await using (var db = new IntakeDbContext(_options))
        {
            await db.Conversations.CountAsync();
        }

        _leases.Prune();
        Assert.Equal(1, _leases.OpenConnections);

        // Then none.
        _leases.Prune();
        Assert.Equal(0, _leases.OpenConnections);
        await using var later = new IntakeDbContext(_options);
        Assert.Equal(0, await later.Conversations.CountAsync());
    }

    [Fact]
    public void A_connection_string_that_Microsoft_Data_Sqlite_would_also_pool_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteConnectionLeases("Data Source=x.db;Pooling=True"));
        Assert.Contains("Pooling=False", error.Message, StringComparison.Ordinal);
    }
}
