using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>Raw Direct Line 3.0 calls, as botframework-directlinejs makes them.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string ConversationId { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;
    public string Token { get; set; } = string.Empty;
    public string Resume { get; private set; } = string.Empty;
    public string StreamUrl { get; private set; } = string.Empty;
    public string Watermark { get; set; } = string.Empty;

    /// <summary>Gets a token from the page's endpoint, as the web page does.</summary>
    public async Task<DirectLineClient> GetPageTokenAsync()
    {
        using var response = await http.PostAsJsonAsync("api/webchat/token", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ConversationId = (string)body["conversationId"]!;
        UserId = (string)body["userId"]!;
        Token = (string)body["token"]!;
        Resume = (string)body["resume"]!;
        return this;
    }

    /// <summary>POST /conversations, as Web Chat does on connect (with a random user of its own in the body).</summary>
    public async Task<JsonObject> StartAsync()
    {
        using var request = Request(HttpMethod.Post, "v3/directline/conversations");
        request.Content = JsonContent.Create(new { user = new { id = "r_webchat_random" } });
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"start: {(int)response.StatusCode}");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Token = (string)body["token"]!;
        StreamUrl = (string)body["streamUrl"]!;
        return body;
    }

    public async Task<HttpResponseMessage> PostRawAsync(string json, string? conversationId = null, string? token = null)
    {
        using var request = Request(HttpMethod.Post, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities", token);
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    /// <summary>Posts a message like Web Chat: with a clientActivityID; returns the id the server gave it.</summary>
    public async Task<string> PostAsync(string text, string? clientActivityId = null)
    {
        var activity = new
        {
            type = "message",
            text,
            from = new { id = UserId, role = "user" },
            locale = "ja-JP",
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        using var response = await PostRawAsync(JsonSerializer.Serialize(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (string)body["id"]!;
    }

    public async Task<HttpResponseMessage> GetRawAsync(string? watermark = null, string? conversationId = null, string? token = null)
    {
        using var request = Request(HttpMethod.Get, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities?watermark={watermark ?? Watermark}", token);
        return await http.SendAsync(request);
    }

    /// <summary>One poll: the activities after the watermark; the watermark moves on.</summary>
    public async Task<IReadOnlyList<Activity>> PollAsync()
    {
        using var response = await GetRawAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var node = JsonNode.Parse(json)!;
        Assert.Equal(JsonValueKind.String, node["watermark"]!.GetValueKind());
        Watermark = (string)node["watermark"]!;
        return node["activities"].Deserialize<List<Activity>>(ActivityJson.Options)!;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if ((token ?? Token) is { Length: > 0 } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
