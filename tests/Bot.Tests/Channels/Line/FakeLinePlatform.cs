using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Channels.Line;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntakeBot.Bot.Tests.Channels.Line;

/// <summary>
/// The LINE Platform for tests, on 127.0.0.1, speaking the Messaging API's documented wire format:
/// it signs webhook bodies with the channel secret and posts them to the bot, issues reply tokens
/// (single use, valid for a minute), takes reply, push and loading calls with the bearer token,
/// and refuses (400, recorded as a violation) any call beyond the documented limits: 1 to 5
/// message objects, text of 1 to 5000 characters, at most 13 quick reply items, labels of 1 to 20
/// characters, message action texts of at most 300, a UUID retry key. It can be told to answer
/// the next calls with 429, 500, a hang, or to let reply tokens expire.
/// </summary>
public sealed class FakeLinePlatform : IAsyncDisposable
{
    public const string ChannelSecret = "fake-line-channel-secret-0123456789";
    public const string AccessToken = "fake-line-access-token-SECRET-abcdefghijklmnop";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string UserId, DateTimeOffset IssuedAt)> _replyTokens = new();
    private readonly ConcurrentDictionary<string, bool> _acceptedRetryKeys = new();
    private readonly ConcurrentQueue<Planned> _plans = new();
    private readonly Lock _gate = new();
    private readonly List<LineCall> _calls = [];
    private readonly List<string> _violations = [];
    private long _events;
    private int _hung;

    private FakeLinePlatform(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>Reply tokens older than this are refused with 400 "Invalid reply token".</summary>
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<LineCall> Calls { get { lock (_gate) { return [.. _calls]; } } }

    /// <summary>Calls that were left hanging (see <see cref="Hang"/>).</summary>
    public int HungCalls => Volatile.Read(ref _hung);

    public IReadOnlyList<string> Violations { get { lock (_gate) { return [.. _violations]; } } }

    /// <summary>The settings that point a host at this platform.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Line:ChannelSecret"] = ChannelSecret,
        ["Line:ChannelAccessToken"] = AccessToken,
        ["Line:ApiBaseUrl"] = BaseUrl,
    };

    public static async Task<FakeLinePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeLinePlatform? platform = null;
        app.MapPost("/v2/bot/message/reply", (Delegate)((HttpContext c) => platform!.HandleAsync(c, "reply")));
        app.MapPost("/v2/bot/message/push", (Delegate)((HttpContext c) => platform!.HandleAsync(c, "push")));
        app.MapPost("/v2/bot/chat/loading/start", (Delegate)((HttpContext c) => platform!.HandleAsync(c, "loading")));
        await app.StartAsync();
        platform = new FakeLinePlatform(app);
        return platform;
    }

    /// <summary>The next call to <paramref name="endpoint"/> (reply, push, loading; null: any) gets this status.</summary>
    public void Fail(string? endpoint, int status, int? retryAfterSeconds = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _plans.Enqueue(new Planned(endpoint, status, retryAfterSeconds, Hang: false));
        }
    }

    /// <summary>The next call to <paramref name="endpoint"/> never answers (the client times out or is stopped); nothing is delivered.</summary>
    public void Hang(string? endpoint) => _plans.Enqueue(new Planned(endpoint, 0, null, Hang: true));

    public string NewReplyToken(string userId)
    {
        var token = Guid.NewGuid().ToString("N");
        _replyTokens[token] = (userId, DateTimeOffset.UtcNow);
        return token;
    }

    /// <summary>Every message object LINE accepted for <paramref name="userId"/>, in order.</summary>
    public List<JsonObject> DeliveredTo(string userId)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.Accepted && c.UserId == userId && c.Endpoint != "loading").SelectMany(c => c.Messages)];
        }
    }

    public JsonObject Event(string type, string userId, Action<JsonObject>? fill = null, bool replyToken = true, string? eventId = null, DateTimeOffset? at = null)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = eventId ?? NewEventId(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
        if (replyToken)
        {
            e["replyToken"] = NewReplyToken(userId);
        }

        fill?.Invoke(e);
        return e;
    }

    public JsonObject TextEvent(string userId, string text) => Event("message", userId, e => e["message"] = new JsonObject
    {
        ["type"] = "text",
        ["id"] = Interlocked.Increment(ref _events).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["quoteToken"] = Guid.NewGuid().ToString("N"),
        ["text"] = text,
    });

    public static string Body(params JsonObject[] events) =>
        new JsonObject { ["destination"] = "Ubot0000000000000000000000000000", ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e.DeepClone())]) }.ToJsonString();

    /// <summary>Posts a webhook body to the bot as LINE does: JSON, signed with the channel secret.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient bot, string body, string? signature = "sign")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/line/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(LineSignature.Header, signature == "sign" ? LineSignature.Sign(ChannelSecret, Encoding.UTF8.GetBytes(body)) : signature);
        }

        return await bot.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient bot, params JsonObject[] events) => PostAsync(bot, Body(events));

    /// <summary>Waits until <paramref name="condition"/> holds (the bot works from its queue, not in the request).</summary>
    public static async Task WaitForAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail("Timed out waiting for " + what);
            }

            await Task.Delay(25);
        }
    }

    private static string NewEventId() => "01" + Guid.NewGuid().ToString("N").ToUpperInvariant()[..24];

    private async Task<IResult> HandleAsync(HttpContext context, string endpoint)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            return Results.Json(new { message = "Authentication failed" }, statusCode: 401);
        }

        if (TakePlan(endpoint) is { } plan)
        {
            if (plan.Hang)
            {
                Interlocked.Increment(ref _hung);
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            }

            if (plan.RetryAfterSeconds is { } after)
            {
                context.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Record(new LineCall(endpoint, null, [], context.Request.Headers[LineApi.RetryKeyHeader].ToString(), plan.Status, DateTimeOffset.UtcNow));
            return Results.Json(new { message = plan.Status == 429 ? "The API rate limit has been exceeded. Try again later." : "Internal server error" }, statusCode: plan.Status);
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new FormatException();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
        {
            return Violation(endpoint, "body is not a JSON object");
        }

        if (endpoint == "loading")
        {
            var seconds = body["loadingSeconds"]?.GetValue<int>() ?? 5;
            if (body["chatId"]?.GetValue<string>() is not { Length: > 0 } chat || seconds is < 5 or > 60 || seconds % 5 != 0)
            {
                return Violation(endpoint, "loading needs chatId and loadingSeconds 5..60 by 5");
            }

            Record(new LineCall(endpoint, chat, [], null, 202, DateTimeOffset.UtcNow));
            return Results.Json(new { }, statusCode: 202);
        }

        if (Check(body["messages"]) is { } problem)
        {
            return Violation(endpoint, problem);
        }

        var messages = body["messages"]!.AsArray().Select(m => m!.AsObject()).ToList();
        string userId;
        string? retryKey = null;
        if (endpoint == "reply")
        {
            var token = body["replyToken"]?.GetValue<string>() ?? string.Empty;
            if (!_replyTokens.TryRemove(token, out var issued) || DateTimeOffset.UtcNow - issued.IssuedAt > ReplyTokenLifetime)
            {
                Record(new LineCall(endpoint, null, [], null, 400, DateTimeOffset.UtcNow));
                return Results.Json(new { message = "Invalid reply token" }, statusCode: 400);
            }

            userId = issued.UserId;
        }
        else
        {
            userId = body["to"]?.GetValue<string>() ?? string.Empty;
            retryKey = context.Request.Headers[LineApi.RetryKeyHeader].ToString();
            if (!Guid.TryParseExact(retryKey, "D", out _))
            {
                return Violation(endpoint, "push without a UUID X-Line-Retry-Key");
            }

            if (!_acceptedRetryKeys.TryAdd(retryKey, true))
            {
                Record(new LineCall(endpoint, userId, [], retryKey, 409, DateTimeOffset.UtcNow));
                return Results.Json(new { message = "The retry key is already accepted" }, statusCode: 409);
            }
        }

        Record(new LineCall(endpoint, userId, messages, retryKey, 200, DateTimeOffset.UtcNow));
        return Results.Json(new { sentMessages = messages.Select(_ => new { id = Guid.NewGuid().ToString("N") }) });
    }

    private static string? Check(JsonNode? node)
    {
        if (node is not JsonArray messages || messages.Count is < 1 or > 5)
        {
            return "messages must hold 1 to 5 message objects";
        }

        foreach (var message in messages.OfType<JsonObject>())
        {
            if (message["type"]?.GetValue<string>() != "text")
            {
                return "only text messages are expected from this bot";
            }

            if (message["text"]?.GetValue<string>() is not { Length: > 0 and <= 5000 })
            {
                return "text must be 1 to 5000 characters";
            }

            if (message["quickReply"] is JsonObject quick)
            {
                if (quick["items"] is not JsonArray items || items.Count is < 1 or > 13)
                {
                    return "quickReply.items must hold 1 to 13 items";
                }

                foreach (var action in items.Select(i => i?["action"]))
                {
                    var label = action?["label"]?.GetValue<string>();
                    if (label is not { Length: > 0 and <= 20 })
                    {
                        return $"quick reply label 「{label}」 is not 1 to 20 characters";
                    }

                    if (action?["type"]?.GetValue<string>() == "message" && action["text"]?.GetValue<string>() is not { Length: > 0 and <= 300 })
                    {
                        return "message action text must be 1 to 300 characters";
                    }
                }
            }
        }

        return null;
    }

    private IResult Violation(string endpoint, string problem)
    {
        lock (_gate)
        {
            _violations.Add($"{endpoint}: {problem}");
        }

        return Results.Json(new { message = "The request body has 1 error(s)", details = new[] { new { message = problem } } }, statusCode: (int)HttpStatusCode.BadRequest);
    }

    private Planned? TakePlan(string endpoint)
    {
        lock (_gate)
        {
            if (_plans.TryPeek(out var next) && (next.Endpoint is null || next.Endpoint == endpoint))
            {
                _plans.TryDequeue(out _);
                return next;
            }

            return null;
        }
    }

    private void Record(LineCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Planned(string? Endpoint, int Status, int? RetryAfterSeconds, bool Hang);
}
