using System.Net.Http.Json;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>SECURITY.md case 5 across instances: two hosts on one database never lose each other's turns.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task Turns_of_one_conversation_posted_at_once_through_two_hosts_are_all_kept_in_order()
    {
        var folder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        // A commit wakes only its own instance's streams; the other's find it by the slow re-read,
        // made quick here so the test need not wait its default 20 s.
        var recheck = new Dictionary<string, string?> { ["DirectLine:StreamRecheckInterval"] = "00:00:01" };
        await using var first = await BotHost.StartAsync(folder, recheck, keepData: true);
        await using var second = await BotHost.StartAsync(folder, recheck);
        var a = await new DirectLineClient(first.Client).GetPageTokenAsync();
        await a.StartAsync();
        var b = new DirectLineClient(second.Client) { Token = a.Token, ConversationId = a.ConversationId, UserId = a.UserId };
        await using var socket = new DirectLineSocketChat(second.Client);
        using (var resume = b.Request(HttpMethod.Get, $"v3/directline/conversations/{a.ConversationId}?watermark="))
        using (var response = await second.Client.SendAsync(resume))
        {
            await socket.ConnectAsync((string)(await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["streamUrl"]!);
        }

        var posts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? a : b).PostAsync($"センターは何をしてくれますか？{i}")));

        Assert.Equal(8, posts.Distinct().Count());
        var sequences = await first.DbAsync(db => db.Activities.Where(x => x.ConversationId == a.ConversationId).Select(x => x.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences.Order());
        var activities = await a.PollAsync();
        Assert.All(posts, id => Assert.Contains(activities, x => x.ReplyToId == id));

        // The second host's stream also gets the turns the first host ran (it re-reads the database).
        var streamed = await socket.ReceiveUntilAsync(x => x.Id == activities[^1].Id);
        Assert.All(posts, id => Assert.Contains(streamed, x => x.Id == id));
    }
}
