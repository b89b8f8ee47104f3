using System.Net;
using System.Net.WebSockets;
using System.Text;
using IntakeBot.Bot.Channels.DirectLine;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>SECURITY.md cases 2, 3, 4, 5 and 13, and the bad inputs of issue item 8, on Direct Line.</summary>
public sealed class DirectLineSecurityTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<DirectLineClient> StartedAsync()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        return line;
    }

    [Fact]
    public async Task Token_for_conversation_A_cannot_read_post_to_resume_or_stream_conversation_B()
    {
        var a = await StartedAsync();
        var b = await StartedAsync();
        var before = await _host.SnapshotAsync(b.ConversationId);

        using var read = await a.GetRawAsync(conversationId: b.ConversationId);
        await ErrorAssert.IsAsync(read, HttpStatusCode.Forbidden, "TokenConversationMismatch");

        using var post = await a.PostRawAsync("{\"type\":\"message\",\"text\":\"乗っ取り\"}", conversationId: b.ConversationId);
        await ErrorAssert.IsAsync(post, HttpStatusCode.Forbidden, "TokenConversationMismatch");

        using var resumeRequest = a.Request(HttpMethod.Get, $"v3/directline/conversations/{b.ConversationId}?watermark=");
        using var resume = await _host.Client.SendAsync(resumeRequest);
        await ErrorAssert.IsAsync(resume, HttpStatusCode.Forbidden, "TokenConversationMismatch");

        // A's stream token in B's streamUrl.
        var streamToken = new Uri(a.StreamUrl).Query.Split('&')[0][3..];
        var foreign = $"{_host.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/{b.ConversationId}/stream?t={streamToken}";
        using var socket = new ClientWebSocket();
        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(foreign), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        Assert.Equal(before, await _host.SnapshotAsync(b.ConversationId));
    }

    [Fact]
    public async Task An_expired_token_is_401_on_refresh_and_on_every_call_and_changes_nothing()
    {
        var line = await StartedAsync();
        var before = await _host.SnapshotAsync(line.ConversationId);
        var expired = ExpiredToken(line.ConversationId, line.UserId);

        using var refreshRequest = line.Request(HttpMethod.Post, "v3/directline/tokens/refresh", expired);
        using var refresh = await _host.Client.SendAsync(refreshRequest);
        await ErrorAssert.IsAsync(refresh, HttpStatusCode.Unauthorized, "TokenExpired");

        using var post = await line.PostRawAsync("{\"type\":\"message\",\"text\":\"こんにちは\"}", token: expired);
        await ErrorAssert.IsAsync(post, HttpStatusCode.Unauthorized, "TokenExpired");

        using var poll = await line.GetRawAsync(token: expired);
        await ErrorAssert.IsAsync(poll, HttpStatusCode.Unauthorized, "TokenExpired");

        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("dl1.e30.AAAA")]
    public async Task A_missing_or_forged_token_is_401_and_changes_nothing(string token)
    {
        var line = await StartedAsync();
        var before = await _host.SnapshotAsync(line.ConversationId);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{line.ConversationId}/activities")
        {
            Content = new StringContent("{\"type\":\"message\",\"text\":\"こんにちは\"}", Encoding.UTF8, "application/json"),
        };
        if (token.Length > 0)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ErrorAssert.IsAsync(response, HttpStatusCode.Unauthorized, null);
        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
    }

    [Fact]
    public async Task A_token_with_its_signature_from_another_token_is_401()
    {
        var a = await StartedAsync();
        var b = await StartedAsync();
        var forged = b.Token[..b.Token.LastIndexOf('.')] + a.Token[a.Token.LastIndexOf('.')..];

        using var response = await b.GetRawAsync(token: forged);

        await ErrorAssert.IsAsync(response, HttpStatusCode.Unauthorized, "TokenInvalid");
    }

    [Fact]
    public async Task A_from_id_claiming_another_user_is_replaced_by_the_tokens_user()
    {
        var line = await StartedAsync();
        await line.PollAsync();

        using var response = await line.PostRawAsync(
            "{\"type\":\"message\",\"text\":\"相談を始める\",\"from\":{\"id\":\"someone-else\",\"name\":\"なりすまし\",\"role\":\"bot\"}}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var echo = (await line.PollAsync())[0];
        Assert.Equal(line.UserId, echo.From!.Id);
        Assert.Equal("user", echo.From.Role);
        Assert.Null(echo.From.Name);
    }

    [Fact]
    public async Task The_same_client_activity_id_posted_twice_runs_one_turn_and_returns_the_same_id()
    {
        var line = await StartedAsync();
        var first = await line.PostAsync("相談を始める", "resent-1");
        var before = await _host.SnapshotAsync(line.ConversationId);

        var second = await line.PostAsync("相談を始める", "resent-1");

        Assert.Equal(first, second);
        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
    }

    [Fact]
    public async Task Two_activities_at_the_same_instant_both_run_and_both_answers_are_kept()
    {
        var line = await StartedAsync();
        await line.PollAsync();
        var versionBefore = await _host.DbAsync(db => db.Conversations.Where(c => c.Id == line.ConversationId).Select(c => c.Version).SingleAsync());

        var posts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => line.PostAsync($"センターは何をしてくれますか？{i}")));

        Assert.Equal(6, posts.Distinct().Count());
        var activities = await line.PollAsync();
        foreach (var id in posts)
        {
            Assert.Contains(activities, a => a.Id == id);
            Assert.Contains(activities, a => a.ReplyToId == id);
        }

        var versionAfter = await _host.DbAsync(db => db.Conversations.Where(c => c.Id == line.ConversationId).Select(c => c.Version).SingleAsync());
        Assert.Equal(versionBefore + 6, versionAfter);
        var sequences = await _host.DbAsync(db => db.Activities.Where(a => a.ConversationId == line.ConversationId).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences.Order());
    }

    [Fact]
    public async Task Text_over_2000_characters_is_400_and_nothing_is_written()
    {
        var line = await StartedAsync();
        var before = await _host.SnapshotAsync(line.ConversationId);

        using var response = await line.PostRawAsync($"{{\"type\":\"message\",\"text\":\"{new string('あ', 2001)}\"}}");

        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "TextTooLong");
        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":")]
    [InlineData("<xml/>")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"画像\",\"attachments\":[{\"contentType\":\"image/png\",\"contentUrl\":\"http://x\"}]}")]
    public async Task Malformed_or_unsupported_activities_are_400_and_nothing_is_written(string json)
    {
        var line = await StartedAsync();
        var before = await _host.SnapshotAsync(line.ConversationId);

        using var response = await line.PostRawAsync(json);

        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, null);
        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
    }

    [Fact]
    public async Task A_conversation_that_was_never_started_is_404_and_is_not_created()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();

        using var post = await line.PostRawAsync("{\"type\":\"message\",\"text\":\"こんにちは\"}");
        await ErrorAssert.IsAsync(post, HttpStatusCode.NotFound, "ConversationNotFound");
        using var poll = await line.GetRawAsync();
        await ErrorAssert.IsAsync(poll, HttpStatusCode.NotFound, "ConversationNotFound");

        Assert.Equal(0, await _host.DbAsync(db => db.Conversations.CountAsync(c => c.Id == line.ConversationId)));
    }

    [Fact]
    public async Task A_bad_watermark_is_400()
    {
        var line = await StartedAsync();

        using var response = await line.GetRawAsync(watermark: "abc");

        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Too_many_polls_with_one_token_are_429_with_a_json_error_and_change_nothing()
    {
        var line = await StartedAsync();
        var before = await _host.SnapshotAsync(line.ConversationId);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 200 && rejected is null; i++)
        {
            var response = await line.GetRawAsync();
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(rejected);
        await ErrorAssert.IsAsync(rejected, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.True(statuses.Count > 100, $"limited after {statuses.Count}");
        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
        rejected.Dispose();
    }

    [Fact]
    public async Task Too_many_new_tokens_from_one_address_are_429()
    {
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 30 && last == HttpStatusCode.OK; i++)
        {
            using var response = await _host.Client.PostAsync("api/webchat/token", null);
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task A_stream_without_a_token_is_refused_before_the_upgrade()
    {
        var line = await StartedAsync();
        using var socket = new ClientWebSocket();
        var url = $"{_host.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/{line.ConversationId}/stream";

        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), CancellationToken.None));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"ECHOMARK\"}", WebSocketCloseStatus.PolicyViolation)]
    [InlineData("not json ECHOMARK", WebSocketCloseStatus.PolicyViolation)]
    [InlineData("HUGE", WebSocketCloseStatus.MessageTooBig)]
    public async Task A_malformed_stream_frame_closes_the_socket_without_echo_and_the_host_stays_fine(string frame, WebSocketCloseStatus expected)
    {
        await using var chat = new DirectLineSocketChat(_host.Client);
        await chat.StartAsync();
        var bytes = Encoding.UTF8.GetBytes(frame == "HUGE" ? new string('x', 1 << 20) : frame);

        await chat.Socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (chat.Socket.State == WebSocketState.Open && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(expected, chat.Socket.CloseStatus);
        Assert.DoesNotContain(chat.Frames, f => f.Contains("ECHOMARK", StringComparison.Ordinal) || f.Contains("xxxxxxxx", StringComparison.Ordinal));
        using var health = await _host.Client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private string ExpiredToken(string conversationId, string userId)
    {
        var key = _host.Services.GetRequiredService<TokenSigningKey>();
        var options = _host.Services.GetRequiredService<IOptions<DirectLineOptions>>();
        var past = new FixedClock(DateTimeOffset.UtcNow.AddHours(-3));
        return new DirectLineTokens(key, options, past).Issue(DirectLineTokenKind.Conversation, conversationId, userId).Token;
    }
}
