using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
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
}
