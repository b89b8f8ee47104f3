using IntakeBot.Bot.Channels.Line;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Channels.Line;

public sealed class LineScaleOutTests
{
    [Fact]
    public async Task Two_hosts_on_one_database_run_and_answer_each_LINE_event_once()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        await using var a = await BotHost.StartAsync(dataFolder: data, settings: line.Settings());
        await using var b = await BotHost.StartAsync(dataFolder: data, settings: line.Settings(), keepData: true);
        var users = Enumerable.Range(0, 8).Select(_ => "U" + Guid.NewGuid().ToString("N")).ToList();
        var events = users.Select(u => line.Event("follow", u)).ToList();

        // Each body reaches both instances at once, as a redelivery behind a load balancer may.
        var posts = events.SelectMany(e => new[] { FakeLinePlatform.PostAsync(a.Client, e), FakeLinePlatform.PostAsync(b.Client, e) }).ToList();
        var responses = await Task.WhenAll(posts);
        await FakeLinePlatform.WaitForAsync(() => users.All(u => line.DeliveredTo(u).Count > 0), "every welcome", seconds: 30);
        await Task.Delay(1500);

        Assert.All(responses, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        Assert.All(users, u => Assert.Equal(1, line.DeliveredTo(u).Count(m => m["text"]!.GetValue<string>().Contains("チャット相談窓口", StringComparison.Ordinal))));
        Assert.Equal(users.Count, await a.DbAsync(db => db.Set<LineInboundEvent>().CountAsync()));
        Assert.Equal(users.Count, await a.DbAsync(db => db.ProcessedActivities.CountAsync()));
        Assert.Empty(line.Violations);
    }
}
