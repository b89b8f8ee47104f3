using System.Net;
using System.Net.Http.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.Turns;

/// <summary>
/// Turns of one conversation that race are an expected, handled write conflict (the loser reruns
/// on what the winner stored): logged at Information without a stack trace, never as an error,
/// so that real failures are not buried under them.
/// </summary>
public sealed class ConflictLoggingTests
{
    [Fact]
    public async Task Racing_turns_are_logged_as_handled_conflicts_without_errors_or_stack_traces()
    {
        await using var host = await BotHost.StartAsync();
        // From here on: what the turns log, not the first start's migration.
        var startup = host.Logs.Lines.Count;
        var conflicts = 0;
        for (var round = 0; round < 10 && conflicts == 0; round++)
        {
            var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
            await chat.StartAsync();
            var posts = Enumerable.Range(0, 12).Select(async _ =>
            {
                using var response = await host.Client.PostAsJsonAsync("api/messages", chat.NewActivity(ActivityTypes.Message, "センターは何をしてくれますか"), ActivityJson.Options);
                return response.StatusCode;
            }).ToList();
            Assert.All(await Task.WhenAll(posts), status => Assert.Equal(HttpStatusCode.OK, status));
            conflicts = host.Logs.Lines.Count(l => l.Contains("write conflict on attempt", StringComparison.Ordinal));
        }

        Assert.True(conflicts > 0, "the racing turns should have met at least one write conflict");
        var lines = host.Logs.Lines.Skip(startup).ToList();
        var errors = lines.Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n----\n", errors.Take(2).Select(e => e[^Math.Min(e.Length, 1500)..])));
        Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.Contains("write conflict on attempt", StringComparison.Ordinal)), l => Assert.StartsWith("Information ", l, StringComparison.Ordinal));
    }
}
