using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.DirectLine;

/// <summary>Each point of shared/DIRECTLINE.md: what the official clients need from the server.</summary>
public sealed class DirectLineProtocolTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Starting_returns_conversation_id_token_and_an_absolute_stream_url_and_the_server_sends_the_welcome_itself()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();

        var started = await line.StartAsync();

        Assert.Equal(line.ConversationId, (string?)started["conversationId"]);
        Assert.False(string.IsNullOrEmpty((string?)started["token"]));
        Assert.True((int)started["expires_in"]! >= 1800);
        var streamUrl = new Uri((string)started["streamUrl"]!);
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Contains("t=", streamUrl.Query, StringComparison.Ordinal);
        var welcome = await line.PollAsync();
        Assert.Contains(welcome, a => a.Text!.Contains("こんにちは", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_carries_its_user_where_web_chat_reads_it_so_a_dl_user_id_is_not_replaced()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();

        // Web Chat and directlinejs decode the second dot-separated part as JSON and take `user`.
        var part = line.Token.Split('.')[1];
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(part))!;

        Assert.Equal(line.UserId, (string?)payload["user"]);
        Assert.StartsWith("dl_", line.UserId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_the_same_conversation_twice_greets_once()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        await line.StartAsync();

        var activities = await line.PollAsync();

        Assert.Single(activities, a => a.Text!.Contains("こんにちは", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_posted_activity_comes_back_in_the_stream_with_the_returned_id_and_its_client_activity_id()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        await line.PollAsync();

        var id = await line.PostAsync("相談を始める", "client-123");

        Assert.Matches($"^{line.ConversationId}\\|\\d{{7}}$", id);
        var activities = await line.PollAsync();
        var echo = Assert.Single(activities, a => a.Id == id);
        Assert.Equal("client-123", echo.ClientActivityId);
        Assert.Equal("相談を始める", echo.Text);
        Assert.Equal("user", echo.From!.Role);
    }

    [Fact]
    public async Task Every_activity_has_a_unique_id_an_iso_timestamp_and_the_bot_role_and_reply_to_ids_point_into_the_stream()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        await line.PostAsync("相談を始める");
        await line.PostAsync("センターは何をしてくれますか？");
        line.Watermark = string.Empty;
        using var response = await line.GetRawAsync();
        var raw = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();

        var ids = raw.Select(a => (string)a!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var activity in raw)
        {
            var timestamp = (string)activity!["timestamp"]!;
            Assert.True(DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), timestamp);
            var role = (string)activity["from"]!["role"]!;
            Assert.Contains(role, new[] { "bot", "user" });
            if ((string?)activity["replyToId"] is { } replyTo)
            {
                Assert.Contains(replyTo, ids);
            }
        }

        Assert.Contains(raw, a => (string)a!["from"]!["role"]! == "bot");
    }

    [Fact]
    public async Task The_watermark_is_a_string_and_an_empty_watermark_means_from_the_start()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        var all = await line.PollAsync();
        Assert.Equal(all.Count.ToString(CultureInfo.InvariantCulture), line.Watermark);

        var none = await line.PollAsync();
        Assert.Empty(none);

        line.Watermark = "1";
        var afterFirst = await line.PollAsync();
        Assert.Equal(all.Skip(1).Select(a => a.Id), afterFirst.Select(a => a.Id));
    }

    [Fact]
    public async Task Resuming_returns_a_fresh_token_and_a_stream_url_that_replays_from_the_watermark()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        var welcome = await line.PollAsync();
        await line.PostAsync("相談を始める");
        var watermark = welcome.Count.ToString(CultureInfo.InvariantCulture);

        using var request = line.Request(HttpMethod.Get, $"v3/directline/conversations/{line.ConversationId}?watermark={watermark}");
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrEmpty((string?)body["token"]));
        var streamUrl = (string)body["streamUrl"]!;
        Assert.Contains($"watermark={watermark}", streamUrl, StringComparison.Ordinal);

        await using var socket = new DirectLineSocketChat(_host.Client);
        await socket.ConnectAsync(streamUrl);
        var replayed = await socket.NextFrameAsync();
        Assert.Equal("相談を始める", replayed[0].Text);
        Assert.DoesNotContain(replayed, a => welcome.Any(w => w.Id == a.Id));
    }

    [Fact]
    public async Task Suggested_actions_are_addressed_to_the_tokens_user_with_readable_japanese_values()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        var welcome = await line.PollAsync();

        var menu = welcome[^1];
        Assert.Equal([line.UserId], menu.SuggestedActions!.To);
        Assert.All(menu.SuggestedActions.Actions, a =>
        {
            Assert.Equal("imBack", a.Type);
            Assert.Equal(a.Title, a.Value);
        });
    }

    [Fact]
    public async Task Cors_preflight_from_a_configured_origin_allows_the_headers_web_chat_sends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        request.Headers.Add("Origin", "https://center.example.jp");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");

        using var response = await _host.Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("https://center.example.jp", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "authorization", "content-type", "x-ms-bot-agent", "x-requested-with" })
        {
            Assert.Contains(header, allowed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cors_preflight_from_another_origin_is_not_allowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await _host.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Tokens_generate_needs_the_secret_and_binds_a_new_conversation_and_user()
    {
        using var anonymous = await _host.Client.PostAsync("v3/directline/tokens/generate", null);
        await ErrorAssert.IsAsync(anonymous, HttpStatusCode.Unauthorized, "SecretInvalid");

        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = "dl_server_user" } }),
        };
        request.Headers.Authorization = new("Bearer", BotHost.Secret);
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var line = new DirectLineClient(_host.Client) { Token = (string)body["token"]! };
        var started = await line.StartAsync();
        Assert.Equal((string?)body["conversationId"], (string?)started["conversationId"]);
    }

    [Fact]
    public async Task Refreshing_a_token_gives_a_new_token_for_the_same_conversation()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();

        using var request = line.Request(HttpMethod.Post, "v3/directline/tokens/refresh");
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(line.ConversationId, (string?)body["conversationId"]);
        line.Token = (string)body["token"]!;
        Assert.NotEmpty(await line.PollAsync());
    }

    [Fact]
    public async Task Uploads_are_refused_with_a_4xx()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        var before = await _host.SnapshotAsync(line.ConversationId);

        using var request = line.Request(HttpMethod.Post, $"v3/directline/conversations/{line.ConversationId}/upload?userId={line.UserId}");
        request.Content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.png" } };
        using var response = await _host.Client.SendAsync(request);

        await ErrorAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, "UploadNotSupported");
        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
    }

    [Fact]
    public async Task A_typing_activity_is_acknowledged_and_not_stored()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        var before = await _host.SnapshotAsync(line.ConversationId);

        using var response = await line.PostRawAsync("{\"type\":\"typing\",\"from\":{\"id\":\"x\"}}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await _host.SnapshotAsync(line.ConversationId));
    }

    [Fact]
    public async Task The_web_socket_tolerates_empty_string_pings_and_delivers_replies()
    {
        await using var chat = new DirectLineSocketChat(_host.Client);
        await chat.StartAsync();

        await chat.Socket.SendAsync(Array.Empty<byte>(), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        var replies = await chat.SendAsync("相談を始める");

        Assert.NotEmpty(replies);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, chat.Socket.State);
    }
}
