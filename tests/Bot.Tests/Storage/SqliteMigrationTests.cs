using IntakeBot.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>A database written by an earlier version upgrades in place and keeps every date.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    [Trait("Category", Support.TestDatabase.ChoosesOwnStore)]
    public async Task Dates_stored_as_text_by_the_first_schema_become_comparable_milliseconds_without_losing_a_moment()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new DbContextOptionsBuilder<IntakeDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options;
        await using (var db = new IntakeDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261125101744_CoordinatorDesk");
            // Exactly what EF wrote for DateTimeOffset before: text with the offset.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO conversations (Id, ExternalId, ChannelId, UserId, StateJson, Version, LastSequence, CreatedAt, UpdatedAt)
                VALUES ('c1', 'x1', 'directline', 'u1', 'sealed-state', 3, 5, '2026-11-20 09:54:15.1234567+00:00', '2026-11-25 18:30:00+09:00');
                INSERT INTO audit_log (At, UserName, Action, Outcome) VALUES ('2026-11-24 01:02:03.5+00:00', 'tanaka', 'read', 'ok');
                """);
        }

        await using (var db = new IntakeDbContext(options))
        {
            await db.Database.MigrateAsync();
            var conversation = await db.Conversations.AsNoTracking().SingleAsync();
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 54, 15, 123, TimeSpan.Zero), conversation.CreatedAt);
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero), conversation.UpdatedAt);
            Assert.Equal((3L, 5L), (conversation.Version, conversation.LastSequence));
            // The state's text, now as bytes in the binary column (AtRestProtector reads both).
            Assert.Equal("sealed-state"u8.ToArray(), conversation.SealedState);

            // Comparisons now run in SQL instead of being refused by the provider.
            var cutoff = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
            Assert.Equal(1, await db.Conversations.CountAsync(c => c.UpdatedAt > cutoff && c.CreatedAt < cutoff));
            Assert.Equal(new DateTimeOffset(2026, 11, 24, 1, 2, 3, 500, TimeSpan.Zero), (await db.AuditLog.AsNoTracking().SingleAsync()).At);

            // The table rebuild must not have dropped the audit trail's append-only guard.
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        }
    }

    [Fact]
    [Trait("Category", Support.TestDatabase.ChoosesOwnStore)]
    public async Task The_activity_stream_keeps_only_its_key_index_because_every_turn_writes_every_index()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new DbContextOptionsBuilder<IntakeDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options;
        await using var db = new IntakeDbContext(options);
        await db.GetService<IMigrator>().MigrateAsync("20261203174014_ConversationStateBytes");
        Assert.Contains("IX_activities_ConversationId_ClientActivityId", await IndexesOf(db, "activities"));

        await db.Database.MigrateAsync();

        // Deduplication reads processed_activities; nothing looked activities up by client id.
        Assert.Equal(["sqlite_autoindex_activities_1"], await IndexesOf(db, "activities"));
    }

    private static Task<List<string>> IndexesOf(IntakeDbContext db, string table) =>
        db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_schema WHERE type = 'index' AND tbl_name = {table} ORDER BY name").ToListAsync();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
