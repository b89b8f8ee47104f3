using System.Text;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>The group commit's writer leaves checkpoints to their own thread; the log still reaches the database file, and stays bounded.</summary>
[Trait("Category", TestDatabase.SqliteOnly)]
public sealed class WalCheckpointerTests
{
    [Fact]
    public async Task What_a_writer_that_never_checkpoints_commits_reaches_the_database_file()
    {
        var folder = Directory.CreateTempSubdirectory("intakebot-wal-");
        var path = Path.Combine(folder.FullName, "test.db");
        var connectionString = $"Data Source={path};Pooling=False";
        try
        {
            await using var writer = new SqliteConnection(connectionString);
            await writer.OpenAsync();
            await Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (x TEXT);");
            await Execute(writer, "BEGIN; " + string.Concat(Enumerable.Repeat($"INSERT INTO t VALUES ('{new string('x', 4000)}'); ", 300)) + "COMMIT;");
            var before = new FileInfo(path).Length;

            using (new WalCheckpointer(connectionString, NullLogger.Instance, restartBytes: 64L * 1024 * 1024))
            {
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (new FileInfo(path).Length < 1_000_000 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }

            Assert.True(before < 100_000, $"the writer should not have checkpointed ({before} bytes)");
            Assert.True(new FileInfo(path).Length >= 1_000_000, "the checkpointer should have copied the log into the file");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Under_turns_that_never_pause_the_log_still_starts_again_from_its_beginning()
    {
        // A small restart size, so a minute of writing shows several restarts.
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Storage:WalRestartMegabytes"] = "4" });
        var committer = host.Services.GetRequiredService<TurnCommitter>();
        var noContext = new Lazy<IntakeDbContext>(() => throw new InvalidOperationException("SQLite's writer needs no context."));
        var text = new string('x', 3000);
        var restarts = new HashSet<uint>();

        // A new batch is always queued before the last one commits, for many checkpoint intervals.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((new FileInfo(host.DatabasePath).Length < 96_000_000 || restarts.Count < 5) && DateTime.UtcNow < deadline)
        {
            await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => committer.SaveAsync(noContext, Write(Guid.NewGuid().ToString("N"), text), CancellationToken.None)));
            restarts.Add(LogSalt(host.DatabasePath + "-wal"));
        }

        var database = new FileInfo(host.DatabasePath).Length;
        var log = new FileInfo(host.DatabasePath + "-wal").Length;
        Assert.True(database >= 96_000_000, $"only {database} bytes written in 60 s");
        // SQLite gives the log a new salt each time it writes it from the beginning again.
        Assert.True(restarts.Count >= 5, $"the log started again {restarts.Count - 1} times");
        // Without restarts the log holds every frame ever written: more than the database itself.
        Assert.True(log < database, $"the log grew to {log} bytes beside a {database}-byte database");
    }

    [Theory]
    [InlineData(256L * 1024 * 1024, false)]
    [InlineData(256L * 1024, true)]
    public async Task The_writer_is_asked_to_stop_for_a_restart_only_once_the_log_has_reached_the_restart_size(long restartBytes, bool asked)
    {
        var folder = Directory.CreateTempSubdirectory("intakebot-wal-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "test.db")};Pooling=False";
        try
        {
            await using var writer = new SqliteConnection(connectionString);
            await writer.OpenAsync();
            await Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (x TEXT);");
            var row = $"INSERT INTO t VALUES ('{new string('x', 2000)}');";
            var wasAsked = false;
            using (var checkpointer = new WalCheckpointer(connectionString, NullLogger.Instance, restartBytes))
            {
                // Bursts of 400 KB of log, for more than four checkpoint intervals.
                var until = DateTime.UtcNow + 5 * WalCheckpointer.Interval;
                for (var written = 0; DateTime.UtcNow < until || written < 1000; written++)
                {
                    await Execute(writer, row);
                    wasAsked |= checkpointer.TakeCaughtUp();
                    if (written % 200 == 199)
                    {
                        await Task.Delay(WalCheckpointer.Interval / 10);
                    }
                }
            }

            Assert.Equal(asked, wasAsked);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The first salt in the log's header (https://www.sqlite.org/fileformat2.html#walformat).</summary>
    private static uint LogSalt(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[32];
        file.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(16));
    }

    private static TurnWrite Write(string id, string text)
    {
        var now = DateTimeOffset.UtcNow;
        var conversation = new ConversationRecord { Id = id, ExternalId = id, ChannelId = "test", UserId = "u", SealedState = Encoding.UTF8.GetBytes(text), Version = 1, LastSequence = 2, CreatedAt = now, UpdatedAt = now };
        var write = new TurnWrite(conversation, isNew: true, expectedVersion: 0);
        for (var sequence = 1; sequence <= 2; sequence++)
        {
            write.Activities.Add(new StoredActivity { ConversationId = id, Sequence = sequence, ActivityId = $"{id}|{sequence}", Json = text, CreatedAt = now });
        }

        return write;
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
