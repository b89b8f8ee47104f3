using System.Net.WebSockets;
using IntakeBot.Bot.Channels.DirectLine;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>
/// SECURITY.md cases 9 and 19 on the Direct Line WebSocket: the REST routes' Origin rule, an
/// idle timeout, caps per conversation and per address, replies pushed on the commit signal
/// rather than found by polling, and nothing left behind when sockets close.
/// </summary>
public sealed class DirectLineStreamLimitsTests
{
    private static async Task<(BotHost Host, DirectLineClient Line)> StartedAsync(Dictionary<string, string?>? settings = null)
    {
        var host = await BotHost.StartAsync(settings: settings);
        var line = await new DirectLineClient(host.Client).GetPageTokenAsync();
        await line.StartAsync();
        return (host, line);
    }

    private static async Task<ClientWebSocket> ConnectAsync(string streamUrl, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return socket;
    }

    private static async Task<string> FreshStreamUrlAsync(BotHost host, DirectLineClient line)
    {
        using var request = line.Request(HttpMethod.Get, $"v3/directline/conversations/{line.ConversationId}?watermark=");
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string)body["streamUrl"]!;
    }

    /// <summary>Receives until the server's close frame (true) or nothing within the time (false).</summary>
    private static async Task<bool> ClosedByServerWithinAsync(ClientWebSocket socket, TimeSpan within)
    {
        var buffer = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (WebSocketException)
        {
            return true;
        }
    }

    [Fact]
    public async Task A_web_socket_from_a_foreign_origin_is_refused_before_the_upgrade_and_gets_no_backlog()
    {
        var (host, line) = await StartedAsync();
        await using var _ = host;
        var stream = host.Services.GetRequiredService<DirectLineStream>();

        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(line.StreamUrl, "https://evil.example"));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        var opaque = await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(line.StreamUrl, "null"));
        Assert.Contains("403", opaque.Message, StringComparison.Ordinal);
        // Another port of the same machine is another site (a developer's other local server).
        var otherPort = new UriBuilder(host.BaseUrl) { Port = new Uri(host.BaseUrl).Port + 1 }.Uri.GetLeftPart(UriPartial.Authority);
        var sibling = await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(line.StreamUrl, otherPort));
        Assert.Contains("403", sibling.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.OpenStreams);

        // The host's own page, a configured site, and a client that is not a browser (no Origin) may.
        using var own = await ConnectAsync(line.StreamUrl, host.BaseUrl);
        using var allowed = await ConnectAsync(await FreshStreamUrlAsync(host, line), "https://center.example.jp");
        using var plain = await ConnectAsync(await FreshStreamUrlAsync(host, line));
        Assert.All(new[] { own, allowed, plain }, s => Assert.Equal(WebSocketState.Open, s.State));
    }

    [Fact]
    public async Task A_silent_socket_is_closed_after_the_idle_timeout_while_one_that_pings_stays_open()
    {
        var (host, line) = await StartedAsync(new() { ["DirectLine:StreamIdleTimeout"] = "00:00:01.500" });
        await using var _ = host;
        using var silent = await ConnectAsync(line.StreamUrl);
        using var pinging = await ConnectAsync(await FreshStreamUrlAsync(host, line));
        using var stopPings = new CancellationTokenSource();
        var pings = Task.Run(async () =>
        {
            while (!stopPings.IsCancellationRequested)
            {
                await pinging.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None);
                await Task.Delay(400);
            }
        });

        Assert.True(await ClosedByServerWithinAsync(silent, TimeSpan.FromSeconds(6)));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, silent.CloseStatus);

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stopPings.CancelAsync();
        await pings;
        Assert.Equal(WebSocketState.Open, pinging.State);
        // Once its pings stop, it too is let go.
        Assert.True(await ClosedByServerWithinAsync(pinging, TimeSpan.FromSeconds(6)));
        await WaitForAsync(() => host.Services.GetRequiredService<DirectLineStream>().OpenStreams == 0);
    }

    [Fact]
    public async Task More_streams_than_the_cap_for_one_conversation_or_one_address_are_refused_with_429()
    {
        var (host, line) = await StartedAsync(new()
        {
            ["DirectLine:MaxStreamsPerConversation"] = "2",
            ["DirectLine:MaxStreamsPerIp"] = "3",
        });
        await using var _ = host;

        using var first = await ConnectAsync(line.StreamUrl);
        using var second = await ConnectAsync(await FreshStreamUrlAsync(host, line));
        var third = await Assert.ThrowsAnyAsync<WebSocketException>(async () => await ConnectAsync(await FreshStreamUrlAsync(host, line)));
        Assert.Contains("429", third.Message, StringComparison.Ordinal);

        // Another conversation from the same address: one more fits under the address cap, then no more.
        var other = await new DirectLineClient(host.Client).GetPageTokenAsync();
        await other.StartAsync();
        using var fourth = await ConnectAsync(other.StreamUrl);
        var fifth = await Assert.ThrowsAnyAsync<WebSocketException>(async () => await ConnectAsync(await FreshStreamUrlAsync(host, other)));
        Assert.Contains("429", fifth.Message, StringComparison.Ordinal);

        // A closed socket frees its place.
        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
        await WaitForAsync(() => host.Services.GetRequiredService<DirectLineStream>().OpenStreams == 2);
        using var again = await ConnectAsync(await FreshStreamUrlAsync(host, line));
        Assert.Equal(WebSocketState.Open, again.State);
    }

    [Fact]
    public async Task Idle_streams_do_not_read_the_database_and_a_commit_is_pushed_at_once()
    {
        var (host, line) = await StartedAsync(new()
        {
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["DirectLine:MaxStreamsPerConversation"] = "20",
        });
        await using var _ = host;
        await using var chat = new DirectLineSocketChat(host.Client);
        await chat.StartAsync();
        var idle = new List<ClientWebSocket>();
        var buffer = new byte[1 << 16];
        for (var i = 0; i < 10; i++)
        {
            var socket = await ConnectAsync(await FreshStreamUrlAsync(host, line));
            idle.Add(socket);
            // Its one read on open: the backlog (the welcome).
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.Equal(WebSocketMessageType.Text, (await socket.ReceiveAsync(buffer, timeout.Token)).MessageType);
        }

        // From here on the idle sockets have nothing to read: count what they read anyway.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var before = ActivityReads(host);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(before, ActivityReads(host));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var replies = await chat.SendAsync("相談を始める");
        Assert.NotEmpty(replies);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"the reply took {started.Elapsed}");

        foreach (var socket in idle)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task Two_hundred_idle_sockets_once_closed_leave_no_open_stream_and_no_signal_behind()
    {
        var (host, line) = await StartedAsync(new()
        {
            ["DirectLine:MaxStreamsPerConversation"] = "200",
            ["DirectLine:MaxStreamsPerIp"] = "200",
            ["RateLimits:PerIpPerMinute"] = "2000",
            ["RateLimits:PerTokenPerMinute"] = "2000",
        });
        await using var _ = host;
        var stream = host.Services.GetRequiredService<DirectLineStream>();
        var signals = host.Services.GetRequiredService<ConversationSignals>();
        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < 200; i++)
        {
            sockets.Add(await ConnectAsync(await FreshStreamUrlAsync(host, line)));
        }

        await WaitForAsync(() => stream.OpenStreams == 200);
        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(async () => await ConnectAsync(await FreshStreamUrlAsync(host, line)));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);

        await Task.WhenAll(sockets.Select((s, i) => i % 2 == 0
            ? s.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None)
            : Task.Run(s.Abort)));
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        await WaitForAsync(() => stream.OpenStreams == 0 && signals.Tracked == 0);
    }

    private static int ActivityReads(BotHost host) =>
        host.Logs.Lines.Count(l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal)
                                   && l.Contains("\"activities\"", StringComparison.Ordinal)
                                   && l.Contains("SELECT", StringComparison.Ordinal));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(50);
        }
    }
}
