using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntakeBot.Bot.Tests.LanguageModel;

/// <summary>One request the fake received: its headers and JSON body as sent.</summary>
public sealed record ChatCall(int Number, string Path, string? Authorization, JsonElement Body)
{
    public string Model => Body.GetProperty("model").GetString()!;
    public IReadOnlyList<JsonElement> Messages => [.. Body.GetProperty("messages").EnumerateArray()];
    public string System => Messages.Single(m => m.GetProperty("role").GetString() == "system").GetProperty("content").GetString()!;
    public string User => Messages.Single(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!;
    public string Raw => Body.GetRawText();

    public bool IsStory => System.Contains("JSON object", StringComparison.Ordinal);
    public bool IsSummary => System.Contains("three lines", StringComparison.Ordinal);
    public bool IsAnswer => System.Contains("NO_ANSWER", StringComparison.Ordinal);
}

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1: <c>POST /v1/chat/completions</c> answered in the
/// documented format (<c>choices[0].message.content</c>, or <c>tool_calls</c>; errors as
/// <c>{"error":{...}}</c> with their status). <see cref="Respond"/> decides each answer; every
/// request body is kept in <see cref="Calls"/> so tests can read exactly what left the bot.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    public const string Key = "test-openai-key-0123456789";
    public const string ModelName = "test-model";

    private readonly FakeServer _server;
    private int _count;

    private FakeOpenAi(FakeServer server) => _server = server;

    /// <summary>The configured endpoint: the API base with its version path.</summary>
    public string Endpoint => _server.BaseUrl + "/v1";

    public ConcurrentQueue<ChatCall> Calls { get; } = new();

    /// <summary>The answer to a call; the default answers every use with something valid.</summary>
    public Func<ChatCall, CancellationToken, Task<IResult>> Respond { get; set; } = (call, _) => Task.FromResult(DefaultAnswer(call));

    public static async Task<FakeOpenAi> StartAsync()
    {
        FakeOpenAi? fake = null;
        var server = await FakeServer.StartAsync(routes => routes.MapPost("/v1/chat/completions", (Delegate)((HttpContext context) => fake!.HandleAsync(context))));
        fake = new FakeOpenAi(server);
        return fake;
    }

    /// <summary>Host settings that turn the model on and point it here.</summary>
    public Dictionary<string, string?> Settings(int timeoutSeconds = 5) => new()
    {
        ["LanguageModel:Enabled"] = "true",
        ["LanguageModel:Endpoint"] = Endpoint,
        ["LanguageModel:ApiKey"] = Key,
        ["LanguageModel:Model"] = ModelName,
        ["LanguageModel:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LanguageModel:SummaryTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LanguageModel:SummaryPollSeconds"] = "1",
    };

    public const string StoryJson = """
        {"asker_role":"家族・親族です","relation":"配偶者（夫・妻）","supporter_kind":null,"subject_age":67,
         "disabilities":[],"handbooks":[],"stage":"刑務所・少年院から出た","custody":null,"release_date":null,
         "hearing_date":null,"left_facility_date":null,"outpatient_decision_date":null,"return_area":null,
         "housing":null,"needs":["住まい"]}
        """;

    public const string SummaryText = "[PERSON_1]さんが配偶者のことで相談。\n最近出所し、住まいに困っている。\nセンターからの連絡を希望。";

    public const string AnswerText = "センターは、福祉の支援につなぐお手伝いをします。";

    public static IResult DefaultAnswer(ChatCall call) =>
        call.IsStory ? Completion(StoryJson) : call.IsSummary ? Completion(SummaryText) : Completion(AnswerText);

    /// <summary>A 200 chat completion in the documented shape.</summary>
    public static IResult Completion(string? content, JsonArray? toolCalls = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null };
        if (toolCalls is not null)
        {
            message["tool_calls"] = toolCalls;
        }

        var body = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = ModelName,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = toolCalls is null ? "stop" : "tool_calls",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    /// <summary>An answer that only calls a tool (one the bot never offered).</summary>
    public static IResult ToolCall(string name, string arguments) => Completion(null, new JsonArray(new JsonObject
    {
        ["id"] = "call_1",
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
    }));

    /// <summary>An error in OpenAI's documented shape.</summary>
    public static IResult Error(int status, string code, string message, int? retryAfterSeconds = null) => new ErrorResult(status, code, message, retryAfterSeconds);

    public static IResult Malformed() => Results.Text("{\"id\":\"chatcmpl-test\",\"choices\":[{\"message\":{\"content\":\"abc", "application/json");

    /// <summary>Holds the request longer than any timeout of the bot.</summary>
    public static async Task<IResult> Slow(CancellationToken aborted)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), aborted);
        return Completion(AnswerText);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var call = new ChatCall(Interlocked.Increment(ref _count), context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), body.RootElement.Clone());
        Calls.Enqueue(call);
        try
        {
            return await Respond(call, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return Results.StatusCode(499);
        }
    }

    private sealed class ErrorResult(int status, string code, string message, int? retryAfterSeconds) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "application/json";
            var error = new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = message, ["type"] = "requests", ["param"] = null, ["code"] = code },
            };
            await context.Response.WriteAsync(error.ToJsonString());
        }
    }
}
