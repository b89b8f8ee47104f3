using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.EndToEnd.Tests;

/// <summary>
/// The official botframework-directlinejs client (under node) against this host's Direct Line,
/// on the WebSocket and by polling: it must connect, get the welcome, see every posted message
/// echoed with its clientActivityID, and get the replies; with the parsers in, finish an intake.
/// </summary>
public sealed class DirectLineJsTests
{
    private static readonly string ClientFolder = Path.Combine(RepoPaths.Root, "tests", "EndToEnd.Tests", "directline");

    public static IEnumerable<object[]> Modes => [[true], [false]];

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public async Task The_official_client_connects_gets_the_welcome_and_each_reply_with_its_client_activity_id(bool webSocket)
    {
        RequiredTools.RequireNode();
        var answers = IntakeScripts.For("弁護士");
        await using var host = await BotHost.StartAsync();

        var events = await RunClientAsync(host, webSocket, answers);

        Assert.Contains(events, e => (string?)e["event"] == "welcome");
        var turns = events.Where(e => (string?)e["event"] == "turn").ToList();
        Assert.Equal(answers.Count, turns.Count);
        Assert.All(turns, t =>
        {
            Assert.Equal((string?)t["sentClientActivityID"], (string?)t["echoClientActivityID"]);
            Assert.NotEmpty(t["replies"]!.AsArray());
        });
        Assert.Contains(events, e => (string?)e["event"] == "done");
        Assert.Contains(events, e => (string?)e["event"] == "status" && (int)e["status"]! == 2);
        var ids = events.Where(e => (string?)e["event"] == "activity").Select(e => (string)e["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        Assert.Contains(turns[^1]["replies"]!.AsArray(), r => ((string?)r)!.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
        Assert.Equal(1, await host.DbAsync(db => db.Tickets.CountAsync()));
    }

    [SkippableFact]
    public async Task When_the_server_closes_an_idle_stream_the_official_client_reconnects_and_misses_nothing()
    {
        RequiredTools.RequireNode();
        IReadOnlyList<string> answers = ["相談を始める", "同意する", "弁護士です"];
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["DirectLine:StreamIdleTimeout"] = "00:00:02" });

        // directlinejs pings every 20 s, so with a 2 s bound every pause of 5 s ends its stream.
        var events = await RunClientAsync(host, webSocket: true, answers, pauseMs: 5000);

        Assert.Contains(host.Logs.Lines, l => l.Contains("Direct Line stream closed: idle", StringComparison.Ordinal));
        var turns = events.Where(e => (string?)e["event"] == "turn").ToList();
        Assert.Equal(answers.Count, turns.Count);
        Assert.All(turns, t => Assert.NotEmpty(t["replies"]!.AsArray()));
        Assert.Contains(events, e => (string?)e["event"] == "done");
        // Reconnected each time, never "failed to connect" or "expired token".
        Assert.DoesNotContain(events, e => (string?)e["event"] == "status" && (int)e["status"]! is 3 or 4);
        var ids = events.Where(e => (string?)e["event"] == "activity").Select(e => (string)e["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static async Task<List<JsonNode>> RunClientAsync(BotHost host, bool webSocket, IReadOnlyList<string> answers, int pauseMs = 0)
    {
        await EnsureInstalledAsync();
        using var tokenResponse = await host.Client.PostAsJsonAsync("api/webchat/token", new { });
        var token = (string)(await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        var answersFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(answersFile, JsonSerializer.Serialize(answers));
        try
        {
            var (code, output, error) = await RunAsync(RequiredTools.Node!, ClientFolder, TimeSpan.FromMinutes(3),
                "intake.js", host.BaseUrl + "/v3/directline", token, webSocket ? "true" : "false", answersFile, pauseMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
            Assert.True(code == 0, $"node exited {code}:\n{output}\n{error}");
            return events;
        }
        finally
        {
            File.Delete(answersFile);
        }
    }

    /// <summary>.ci/run installs the client with npm ci; a developer's first run does it here.</summary>
    private static async Task EnsureInstalledAsync()
    {
        if (Directory.Exists(Path.Combine(ClientFolder, "node_modules", "botframework-directlinejs")))
        {
            return;
        }

        var (code, output, error) = await RunAsync("npm", ClientFolder, TimeSpan.FromMinutes(5), "ci", "--no-audit", "--no-fund");
        Assert.True(code == 0, $"npm ci failed:\n{output}\n{error}");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, string folder, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
