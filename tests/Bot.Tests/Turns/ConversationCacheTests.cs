using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Turns;

public sealed class ConversationCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static ConversationRecord Record(string id, long version) => new()
    {
        Id = id,
        ExternalId = "ext-" + id,
        ChannelId = "test",
        UserId = "user",
        SealedState = [1, 2, 3],
        Version = version,
        LastSequence = version * 3,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    [Fact]
    public void The_next_turn_gets_what_the_last_one_committed_without_its_sealed_text()
    {
        var cache = new ConversationCache(new FixedClock(Now));
        var state = new IntakeState();
        cache.Committed(Record("a", 4), state);

        Assert.True(cache.TryGet("a", out var record, out var cached));
        Assert.Same(state, cached);
        Assert.Equal(4, record.Version);
        Assert.Equal(12, record.LastSequence);
        Assert.Equal("ext-a", record.ExternalId);
        Assert.Empty(record.SealedState);
        Assert.False(cache.TryGet("b", out _, out _));
    }

    [Fact]
    public void A_late_commit_of_an_older_version_never_replaces_a_newer_one()
    {
        var cache = new ConversationCache(new FixedClock(Now));
        var newer = new IntakeState();
        cache.Committed(Record("a", 7), newer);
        cache.Committed(Record("a", 6), new IntakeState());

        Assert.True(cache.TryGet("a", out var record, out var state));
        Assert.Equal(7, record.Version);
        Assert.Same(newer, state);
    }

    [Fact]
    public void A_forgotten_or_long_idle_conversation_is_read_from_the_database_again()
    {
        var clock = new SteppingClock(Now);
        var cache = new ConversationCache(clock);
        cache.Committed(Record("a", 1), new IntakeState());
        cache.Committed(Record("b", 1), new IntakeState());

        cache.Forget("a");
        clock.Now += TimeSpan.FromHours(1);

        Assert.False(cache.TryGet("a", out _, out _));
        Assert.False(cache.TryGet("b", out _, out _));
    }

    [Fact]
    public async Task Conversations_committed_and_forgotten_at_once_beyond_its_capacity_never_fail_a_turn()
    {
        // A busy instance fills the cache while other turns forget entries (a rerun) and several
        // commits find it full at the same moment. Trimming must not fail the turns that
        // committed: their answers are already durable. A race shows only now and then, so
        // the storm is repeated.
        for (var round = 0; round < 5; round++)
        {
            var cache = new ConversationCache(TimeProvider.System);
            await CommitAndForgetAtOnceAsync(cache, writers: 4, each: ConversationCache.Capacity);

            Assert.InRange(cache.Count, 1, ConversationCache.Capacity + ConversationCache.CountEvery);
            cache.Committed(Record("after", 1), new IntakeState());
            Assert.True(cache.TryGet("after", out _, out _));
        }
    }

    private static async Task CommitAndForgetAtOnceAsync(ConversationCache cache, int writers, int each)
    {
        using var start = new Barrier(writers);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < each; i++)
            {
                cache.Committed(Record($"{w}-{i}", 1), new IntakeState());
                if (i % 3 == 0)
                {
                    cache.Forget($"{w}-{i - 1}");
                }
            }
        })));
    }

    [Fact]
    public async Task A_turn_written_by_another_instance_is_not_lost_when_this_one_answers_next()
    {
        // Two hosts on one store stand for two instances behind a load balancer: the first
        // caches the conversation, the second moves it on, the first gets the next answer.
        await using var first = await BotHost.StartAsync();
        await using var second = await BotHost.StartAsync(first.DataFolder, keepData: true);
        var id = Guid.NewGuid().ToString("N");
        var onFirst = new ApiMessagesChat(first.Client, id);
        var onSecond = new ApiMessagesChat(second.Client, id);
        var script = IntakeScripts.For("家族");

        await onFirst.StartAsync();
        await onFirst.SendAsync(script[0]);
        await onSecond.SendAsync(script[1]);
        var third = await onFirst.SendAsync(script[2]);

        // The same conversation on one instance only, for what the replies must be.
        await using var alone = await BotHost.StartAsync();
        var reference = new ApiMessagesChat(alone.Client, Guid.NewGuid().ToString("N"));
        await reference.StartAsync();
        await reference.SendAsync(script[0]);
        await reference.SendAsync(script[1]);
        var expected = await reference.SendAsync(script[2]);

        Assert.Equal(expected.Select(a => a.Text), third.Select(a => a.Text));
        var stored = await first.DbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == onFirst.Key));
        var storedAlone = await alone.DbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == reference.Key));
        Assert.Equal(storedAlone.Version, stored.Version);
        Assert.Equal(storedAlone.LastSequence, stored.LastSequence);
    }

    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
