using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Storage.PostgreSql;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.ScaleOut;

/// <summary>
/// Issue 6, item 2: two bot processes on different ports share one PostgreSQL database behind
/// an imaginary load balancer that sends each turn to either of them, sometimes to both at once.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const int ApiConversations = 8;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
    private BotProcess? _a;
    private BotProcess? _b;
    private HttpClient[] _clients = [];

    public async Task InitializeAsync()
    {
        if (TestDatabase.PostgreSqlServer is null)
        {
            return;
        }

        var settings = TestDatabase.PostgreSqlSettingsFor(_folder).ToList();
        // Started together, as an orchestrator would: they race to create and migrate the database.
        var first = BotProcess.StartAsync(_folder, settings);
        var second = BotProcess.StartAsync(_folder, settings);
        try
        {
            await Task.WhenAll(first, second);
        }
        catch
        {
            // The one that did start must not outlive the failed test.
            foreach (var started in new[] { first, second }.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        (_a, _b) = (first.Result, second.Result);
        _clients = [new HttpClient { BaseAddress = new Uri(_a.BaseUrl + "/") }, new HttpClient { BaseAddress = new Uri(_b.BaseUrl + "/") }];
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (TestDatabase.PostgreSqlServer is not null)
        {
            await TestDatabase.DropAsync(_folder, always: true);
        }
    }

    [SkippableFact]
    [Trait("Category", TestDatabase.ChoosesOwnStore)]
    public async Task Turns_alternating_and_racing_between_two_instances_are_applied_once_with_one_ticket_each()
    {
        Skip.If(TestDatabase.PostgreSqlServer is null, "INTAKEBOT_TEST_POSTGRES is not set (CI sets it; there this is a failure, not a skip).");
        var script = IntakeScripts.For("家族");

        var finals = await Task.WhenAll(Enumerable.Range(0, ApiConversations).Select(async n =>
        {
            var chat = new ApiMessagesChat(_clients[0], $"scale-{n}-{Guid.NewGuid():N}");
            var start = chat.NewActivity(ActivityTypes.ConversationUpdate);
            start.MembersAdded = [new ChannelAccount { Id = chat.UserId }];
            await PostAsync(n % 2, start);
            IReadOnlyList<Activity> last = [];
            for (var turn = 0; turn < script.Count; turn++)
            {
                var activity = chat.NewActivity(ActivityTypes.Message, script[turn]);
                if (turn % 4 == 3)
                {
                    // The load balancer retried on the other instance while the first was still working.
                    var both = await Task.WhenAll(PostAsync(0, activity), PostAsync(1, activity));
                    Assert.Equal(both[0].Select(r => r.Id), both[1].Select(r => r.Id));
                    Assert.Equal(both[0].Select(r => r.Text), both[1].Select(r => r.Text));
                    last = both[0];
                }
                else
                {
                    last = await PostAsync((n + turn) % 2, activity);
                }

                Assert.DoesNotContain(last, r => (r.Text ?? string.Empty).Contains("うまく読み取れませんでした", StringComparison.Ordinal));
            }

            return (chat.Key, Text: string.Join("\n", last.Select(r => r.Text)));
        }));

        await using var db = new PostgresIntakeDbContext(new DbContextOptionsBuilder<PostgresIntakeDbContext>()
            .UseNpgsql(TestDatabase.PostgreSqlConnectionString(_folder)).Options);
        foreach (var (key, text) in finals)
        {
            var tickets = await db.Tickets.AsNoTracking().Where(t => t.ConversationId == key).ToListAsync();
            var ticket = Assert.Single(tickets);
            Assert.Contains(ticket.ReferenceNumber, text, StringComparison.Ordinal);

            // Every turn once: the stream has no gaps and no doubles, one user row per script answer.
            var rows = await db.Activities.AsNoTracking().Where(a => a.ConversationId == key).OrderBy(a => a.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.Sequence));
            Assert.Equal(script.Count, rows.Count(r => r.FromUser));
            Assert.Equal(script.Count + 1, await db.ProcessedActivities.CountAsync(p => p.ConversationId == key));
        }

        Assert.Equal(ApiConversations, await db.Tickets.Select(t => t.ReferenceNumber).Distinct().CountAsync());
    }

    [SkippableFact]
    [Trait("Category", TestDatabase.ChoosesOwnStore)]
    public async Task A_direct_line_conversation_moved_between_instances_sees_the_same_activities_and_watermarks_from_either()
    {
        Skip.If(TestDatabase.PostgreSqlServer is null, "INTAKEBOT_TEST_POSTGRES is not set (CI sets it; there this is a failure, not a skip).");
        var a = await new DirectLineClient(_clients[0]).GetPageTokenAsync();
        await a.StartAsync();
        var b = new DirectLineClient(_clients[1]) { Token = a.Token, ConversationId = a.ConversationId, UserId = a.UserId };
        var script = IntakeScripts.For("本人");
        var posted = new List<string>();
        for (var turn = 0; turn < script.Count; turn++)
        {
            posted.Add(await (turn % 2 == 0 ? a : b).PostAsync(script[turn]));
        }

        foreach (var watermark in new[] { string.Empty, "3", "10" })
        {
            var fromA = await ReadAsync(_clients[0], a, watermark);
            var fromB = await ReadAsync(_clients[1], a, watermark);
            Assert.Equal(fromA.Watermark, fromB.Watermark);
            Assert.Equal(fromA.Ids, fromB.Ids);
            Assert.Equal(fromA.Ids.Distinct().Count(), fromA.Ids.Count);
        }

        var all = await ReadAsync(_clients[1], a, string.Empty);
        Assert.All(posted, id => Assert.Contains(id, all.Ids));
        Assert.Contains(all.Texts, t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<Activity>> PostAsync(int instance, Activity activity)
    {
        using var response = await _clients[instance].PostAsJsonAsync("api/messages", activity, ActivityJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ExpectedReplies>(ActivityJson.Options))!.Activities;
    }

    private static async Task<(string Watermark, List<string> Ids, List<string> Texts)> ReadAsync(HttpClient client, DirectLineClient line, string watermark)
    {
        using var request = line.Request(HttpMethod.Get, $"v3/directline/conversations/{line.ConversationId}/activities?watermark={watermark}");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var activities = set["activities"]!.AsArray();
        return ((string)set["watermark"]!,
            activities.Select(x => (string)x!["id"]!).ToList(),
            activities.Select(x => (string?)x!["text"] ?? string.Empty).ToList());
    }
}
