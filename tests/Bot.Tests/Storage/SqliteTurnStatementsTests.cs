using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IntakeBot.Bot.Tests.Storage;

[Trait("Category", TestDatabase.SqliteOnly)]
public sealed class SqliteTurnStatementsTests
{
    [Fact]
    public async Task The_prepared_turn_statements_write_every_column_the_model_maps()
    {
        // A column added to the model but not to the statements would make ordinary turns fail
        // (NOT NULL) or silently store nothing there; this test names it first.
        await using var host = await BotHost.StartAsync();
        var model = await host.DbAsync(db => Task.FromResult(db.Model));

        foreach (var (table, columns) in SqliteTurnStatements.Columns)
        {
            var entity = model.GetEntityTypes().Single(e => e.GetTableName() == table);
            var mapped = entity.GetProperties().Select(p => p.GetColumnName(StoreObjectIdentifier.Table(table, null))).Order();
            Assert.Equal(mapped, columns.Order());
        }
    }

    [Fact]
    public async Task Turns_written_by_the_prepared_statements_read_back_through_ef_as_written()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await chat.StartAsync();
        var replies = await chat.SendAsync("相談を始める");

        var conversation = await host.DbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == chat.Key));
        var activities = await host.DbAsync(db => db.Activities.AsNoTracking().Where(a => a.ConversationId == chat.Key).OrderBy(a => a.Sequence).ToListAsync());
        var processed = await host.DbAsync(db => db.ProcessedActivities.AsNoTracking().Where(p => p.ConversationId == chat.Key).ToListAsync());

        Assert.Equal(2, conversation.Version);
        Assert.Equal(activities[^1].Sequence, conversation.LastSequence);
        Assert.InRange(conversation.UpdatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(Enumerable.Range(1, activities.Count).Select(i => (long)i), activities.Select(a => a.Sequence));
        Assert.Single(activities, a => a.FromUser);
        Assert.Equal(replies[^1].Id, activities[^1].ActivityId);
        Assert.Equal(2, processed.Count);
        Assert.All(activities, a => Assert.InRange(a.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1)));
    }

    [Fact]
    public async Task A_turn_rolled_back_in_a_batch_leaves_no_row_and_the_next_turn_in_it_commits()
    {
        // The group commit's savepoints: a turn that fails after writing some rows (its second
        // activity clashes with its first) must leave none of them, and the batch goes on.
        await using var host = await BotHost.StartAsync();
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        using var statements = new SqliteTurnStatements(connection);
        var now = DateTimeOffset.UtcNow;

        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            var failing = Turn("failed", now);
            failing.Activities.Add(failing.Activities[0]);
            statements.BeginTurn(transaction);
            Assert.Throws<DbUpdateException>(() => statements.Execute(failing, transaction));
            statements.RollBackTurn(transaction);

            statements.BeginTurn(transaction);
            statements.Execute(Turn("kept", now), transaction);
            statements.EndTurn(transaction);
            await transaction.CommitAsync();
        }

        var ids = await host.DbAsync(db => db.Conversations.AsNoTracking().Select(c => c.Id).Where(id => id == "failed" || id == "kept").ToListAsync());
        var activities = await host.DbAsync(db => db.Activities.AsNoTracking().CountAsync(a => a.ConversationId == "failed" || a.ConversationId == "kept"));
        Assert.Equal(["kept"], ids);
        Assert.Equal(1, activities);
    }

    private static TurnWrite Turn(string id, DateTimeOffset now)
    {
        var conversation = new ConversationRecord
        {
            Id = id, ExternalId = id, ChannelId = "test", UserId = "user", SealedState = [1, 2, 3],
            Version = 1, LastSequence = 1, CreatedAt = now, UpdatedAt = now,
        };
        var write = new TurnWrite(conversation, isNew: true, expectedVersion: 0)
        {
            Processed = new ProcessedActivity { ConversationId = id, IncomingId = "in-1", UserSequence = 1, FirstReplySequence = 1, LastReplySequence = 1, ProcessedAt = now },
        };
        write.Activities.Add(new StoredActivity { ConversationId = id, Sequence = 1, ActivityId = id + "|1", FromUser = true, Json = "{}", CreatedAt = now });
        return write;
    }
}
