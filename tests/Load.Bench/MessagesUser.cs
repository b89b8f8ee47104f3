using System.Buffers;
using System.Text.Json;

namespace IntakeBot.Load.Bench;

/// <summary>
/// A Bot Framework caller of POST /api/messages with deliveryMode expectReplies (as skills and
/// test clients use it): the replies come back in the response body as {"activities":[...]}.
/// Each conversation has its own conversation.id and user; the first activity is a
/// conversationUpdate adding the user, then one message per answer.
/// </summary>
public sealed class MessagesUser(HttpClient client, Uri baseUrl, string runId, int index, IntakeScript script, RunClock clock, TimeSpan timeout, long pacingTicks, long firstDue)
    : VirtualUser(script, clock, timeout, pacingTicks, firstDue)
{
    public const string ChannelId = "loadbench";
    public const string BotId = "intakebot";

    private readonly Uri _endpoint = new(baseUrl, "api/messages");
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private string _conversationId = string.Empty;
    private string _userId = string.Empty;
    private int _conversation;
    private int _activity;

    protected override Task<BotReply> StartConversationAsync(CancellationToken cancellationToken)
    {
        _conversation++;
        _conversationId = $"load-{runId}-{index}-{_conversation}";
        _userId = $"user-{runId}-{index}-{_conversation}";
        return PostAsync("conversationUpdate", null, cancellationToken);
    }

    protected override Task<BotReply> SendAsync(string text, CancellationToken cancellationToken) =>
        PostAsync("message", text, cancellationToken);

    private async Task<BotReply> PostAsync(string type, string? text, CancellationToken cancellationToken)
    {
        var id = $"{_conversationId}-a{++_activity}";
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = Http.JsonContent(_buffer, json => WriteActivity(json, type, id, text)),
        };
        var body = await Http.SendAsync(client, request, "POST /api/messages", cancellationToken);
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("activities", out var activities))
        {
            throw new ProtocolException("expectReplies answer without activities");
        }

        return Http.ReadMessages(activities);
    }

    private void WriteActivity(Utf8JsonWriter json, string type, string id, string? text)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("id", id);
        json.WriteString("timestamp", DateTimeOffset.UtcNow);
        json.WriteString("channelId", ChannelId);
        json.WriteString("serviceUrl", "http://127.0.0.1:1/");
        json.WriteString("deliveryMode", "expectReplies");
        json.WriteStartObject("from");
        json.WriteString("id", _userId);
        json.WriteString("name", "負荷テスト");
        json.WriteString("role", "user");
        json.WriteEndObject();
        json.WriteStartObject("recipient");
        json.WriteString("id", BotId);
        json.WriteString("role", "bot");
        json.WriteEndObject();
        json.WriteStartObject("conversation");
        json.WriteString("id", _conversationId);
        json.WriteEndObject();
        json.WriteString("locale", "ja-JP");
        if (text is not null)
        {
            json.WriteString("text", text);
            json.WriteString("textFormat", "plain");
        }
        else
        {
            json.WriteStartArray("membersAdded");
            json.WriteStartObject();
            json.WriteString("id", _userId);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
