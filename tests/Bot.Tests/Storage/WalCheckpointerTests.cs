using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>The group commit's writer does not checkpoint; the log still reaches the database file.</summary>
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

            using (new WalCheckpointer(connectionString, NullLogger.Instance))
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

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
