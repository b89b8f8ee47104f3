using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IntakeBot.Load.Bench;

/// <summary>
/// A Direct Line 3.0 user as Web Chat's page makes one (botframework-directlinejs with polling):
/// a token from the page's endpoint (POST /api/webchat/token, no secret), POST /conversations,
/// then per answer POST .../activities and GET .../activities?watermark= until the bot's replies
/// to that activity are there. A turn's latency is from the post to the poll that brought the
/// replies (the start: from the token request to the greeting).
/// </summary>
public class DirectLineUser(HttpClient client, Uri baseUrl, IntakeScript script, RunClock clock, TimeSpan timeout, long pacingTicks, long firstDue)
    : VirtualUser(script, clock, timeout, pacingTicks, firstDue)
{
    /// <summary>Pause between polls when a reply is not there yet (the host answers a post after the turn committed, so it normally is).</summary>
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(10);

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private string _conversationId = string.Empty;
    private string _userId = string.Empty;
    private string _watermark = string.Empty;
    private AuthenticationHeaderValue? _bearer;
    private Uri? _activities;

    protected override async Task<BotReply> StartConversationAsync(CancellationToken cancellationToken)
    {
        using (var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/webchat/token"))
        {
            Content = Http.JsonContent(_buffer, json =>
            {
                json.WriteStartObject();
                json.WriteEndObject();
            }),
        })
        {
            using var session = JsonDocument.Parse(await Http.SendAsync(client, tokenRequest, "POST /api/webchat/token", cancellationToken));
            _conversationId = Required(session.RootElement, "conversationId");
            _userId = Required(session.RootElement, "userId");
            _bearer = new AuthenticationHeaderValue("Bearer", Required(session.RootElement, "token"));
        }

        using (var start = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v3/directline/conversations"))
        {
            // Web Chat sends a random user of its own; the token decides who it is.
            Content = Http.JsonContent(_buffer, json =>
            {
                json.WriteStartObject();
                json.WriteStartObject("user");
                json.WriteString("id", _userId);
                json.WriteEndObject();
                json.WriteEndObject();
            }),
        })
        {
            start.Headers.Authorization = _bearer;
            using var conversation = JsonDocument.Parse(await Http.SendAsync(client, start, "POST /v3/directline/conversations", cancellationToken));
            if (Required(conversation.RootElement, "conversationId") != _conversationId)
            {
                throw new ProtocolException("the started conversation is not the token's");
            }

            _bearer = new AuthenticationHeaderValue("Bearer", Required(conversation.RootElement, "token"));
        }

        _watermark = string.Empty;
        _activities = new Uri(baseUrl, $"v3/directline/conversations/{Uri.EscapeDataString(_conversationId)}/activities");
        return await PollAsync(replyTo: null, cancellationToken);
    }

    protected override async Task<BotReply> SendAsync(string text, CancellationToken cancellationToken) =>
        await PollAsync(await PostAsync(text, cancellationToken), cancellationToken);

    /// <summary>Posts one message activity as the user; returns the id the service gave it.</summary>
    protected async Task<string> PostAsync(string text, CancellationToken cancellationToken)
    {
        using (var post = new HttpRequestMessage(HttpMethod.Post, _activities)
        {
            Content = Http.JsonContent(_buffer, json =>
            {
                json.WriteStartObject();
                json.WriteString("type", "message");
                json.WriteStartObject("from");
                json.WriteString("id", _userId);
                json.WriteString("role", "user");
                json.WriteEndObject();
                json.WriteString("text", text);
                json.WriteString("textFormat", "plain");
                json.WriteString("locale", "ja-JP");
                json.WriteString("timestamp", DateTimeOffset.UtcNow);
                json.WriteStartObject("channelData");
                json.WriteString("clientActivityID", Guid.NewGuid().ToString("N"));
                json.WriteEndObject();
                json.WriteEndObject();
            }),
        })
        {
            post.Headers.Authorization = _bearer;
            using var posted = JsonDocument.Parse(await Http.SendAsync(client, post, "POST activities", cancellationToken));
            return Required(posted.RootElement, "id");
        }
    }

    /// <summary>
    /// One poll from the watermark: the message activities that are not the user's own (the bot's
    /// and the coordinators'), oldest first. The watermark moves past them.
    /// </summary>
    protected async Task<List<SeenMessage>> PollOnceAsync(CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{_activities}?watermark={Uri.EscapeDataString(_watermark)}");
        get.Headers.Authorization = _bearer;
        using var set = JsonDocument.Parse(await Http.SendAsync(client, get, "GET activities", cancellationToken));
        if (!set.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
        {
            throw new ProtocolException("activity set without activities");
        }

        var seen = new List<SeenMessage>();
        foreach (var activity in activities.EnumerateArray())
        {
            if (!activity.TryGetProperty("type", out var type) || !type.ValueEquals("message"u8) || !IsBotReply(activity, replyTo: null))
            {
                continue;
            }

            var from = activity.TryGetProperty("from", out var f) ? f : default;
            seen.Add(new SeenMessage(
                from.ValueKind == JsonValueKind.Object && from.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty : string.Empty,
                from.ValueKind == JsonValueKind.Object && from.TryGetProperty("name", out var name) ? name.GetString() : null,
                activity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty));
        }

        if (set.RootElement.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
        {
            _watermark = watermark.GetString()!;
        }

        return seen;
    }

    /// <summary>Polls from the watermark until bot messages arrive (replying to the given activity, when one is given).</summary>
    private async Task<BotReply> PollAsync(string? replyTo, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"{_activities}?watermark={Uri.EscapeDataString(_watermark)}");
            get.Headers.Authorization = _bearer;
            using var set = JsonDocument.Parse(await Http.SendAsync(client, get, "GET activities", cancellationToken));
            if (!set.RootElement.TryGetProperty("activities", out var activities))
            {
                throw new ProtocolException("activity set without activities");
            }

            var reply = Http.ReadMessages(activities, activity => IsBotReply(activity, replyTo));
            if (set.RootElement.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
            {
                _watermark = watermark.GetString()!;
            }

            if (reply.Messages > 0)
            {
                return reply;
            }

            await Task.Delay(PollPause, cancellationToken);
        }
    }

    private bool IsBotReply(JsonElement activity, string? replyTo)
    {
        if (activity.TryGetProperty("from", out var from) && from.TryGetProperty("id", out var fromId) && fromId.ValueEquals(_userId))
        {
            return false;
        }

        return replyTo is null || (activity.TryGetProperty("replyToId", out var replyToId) && replyToId.ValueEquals(replyTo));
    }

    private static string Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ProtocolException($"the answer has no {name}");
}
