using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Language;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Language;

/// <summary>
/// Azure AI Language on 127.0.0.1, answering <c>POST /language/:analyze-text</c> in the documented
/// 2023-04-01 format: PII entities for the fragments in <see cref="Pii"/> (offsets in UTF-16 code
/// units only when <c>stringIndexType</c> asks for them, text elements otherwise, like the service),
/// languages from <see cref="Language"/>, per-document errors for <see cref="RejectedIds"/>, and any
/// other answer through <see cref="Respond"/>. Every request is kept in <see cref="Calls"/>.
/// </summary>
public sealed class FakeAzureLanguage : IAsyncDisposable
{
    public const string Key = "test-language-key-0123456789";

    private readonly FakeServer _server;
    private int _count;

    private FakeAzureLanguage(FakeServer server) => _server = server;

    /// <summary>The address as the portal shows it, with the trailing slash.</summary>
    public string Endpoint => _server.BaseUrl + "/";

    public ConcurrentQueue<AnalyzeCall> Calls { get; } = new();

    /// <summary>Text the fake recognizes as PII, with the category it answers.</summary>
    public List<(string Fragment, string Category)> Pii { get; } = [];

    /// <summary>The detected language of a document's text: ISO 639-1 name and confidence.</summary>
    public Func<string, (string Iso, double Confidence)> Language { get; set; } = _ => ("en", 1.0);

    /// <summary>Document ids answered with a per-document error.</summary>
    public HashSet<string> RejectedIds { get; } = [];

    /// <summary>Document ids left out of the answer altogether.</summary>
    public HashSet<string> MissingIds { get; } = [];

    /// <summary>An answer of its own for a call (status codes, broken JSON, delays); null for the documented one.</summary>
    public Func<AnalyzeCall, CancellationToken, Task<IResult?>> Respond { get; set; } = (_, _) => Task.FromResult<IResult?>(null);

    public static async Task<FakeAzureLanguage> StartAsync()
    {
        FakeAzureLanguage? fake = null;
        var server = await FakeServer.StartAsync(routes => routes.MapPost("/{**path}", (Delegate)((HttpContext context) => fake!.HandleAsync(context))));
        fake = new FakeAzureLanguage(server);
        return fake;
    }

    /// <summary>
    /// The language services as the host registers them, pointed at this fake, with test-fast
    /// retry settings unless <paramref name="settings"/> says otherwise.
    /// </summary>
    public ServiceProvider CreateServices(LogCollector logs, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Language:Azure:Endpoint"] = Endpoint,
            ["Language:Azure:Key"] = Key,
            ["Language:Azure:Timeout"] = "00:00:05",
            ["Language:Azure:MaxRetries"] = "2",
            ["Language:Azure:RetryDelay"] = "00:00:00.010",
            ["Language:Azure:MaxRetryAfter"] = "00:00:03",
            ["Language:Azure:TotalTimeout"] = "00:00:30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddLanguageServices(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>For <see cref="Respond"/>: holds every request until the client gives up on it.</summary>
    public static async Task<IResult?> NeverAnswers(AnalyzeCall call, CancellationToken aborted)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
        return null;
    }

    public static IResult Json(int status, string json) => Results.Text(json, "application/json", statusCode: status);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var call = new AnalyzeCall(
            Interlocked.Increment(ref _count),
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query["api-version"].FirstOrDefault(),
            context.Request.Headers["Ocp-Apim-Subscription-Key"].FirstOrDefault(),
            context.Request.ContentType,
            body.RootElement.Clone());
        Calls.Enqueue(call);

        if (await Respond(call, context.RequestAborted) is { } answer)
        {
            return answer;
        }

        return call.Kind switch
        {
            "PiiEntityRecognition" => Answer(call, "PiiEntityRecognitionResults", (id, text) => PiiDocument(id, text, call.Parameters)),
            "LanguageDetection" => Answer(call, "LanguageDetectionResults", LanguageDocument),
            _ => Json(400, """{"error":{"code":"InvalidRequest","message":"Invalid Request.","innererror":{"code":"InvalidParameterValue","message":"Unknown kind."}}}"""),
        };
    }

    private IResult Answer(AnalyzeCall call, string kind, Func<string, string, JsonObject> document)
    {
        var documents = new JsonArray();
        var errors = new JsonArray();
        foreach (var input in call.Documents)
        {
            var id = input.GetProperty("id").GetString()!;
            if (MissingIds.Contains(id))
            {
                continue;
            }

            if (RejectedIds.Contains(id))
            {
                errors.Add(new JsonObject
                {
                    ["id"] = id,
                    ["error"] = new JsonObject
                    {
                        ["code"] = "InvalidArgument",
                        ["message"] = "Invalid document in request.",
                        ["innererror"] = new JsonObject { ["code"] = "InvalidDocument", ["message"] = "Document text is empty." },
                    },
                });
                continue;
            }

            documents.Add(document(id, input.GetProperty("text").GetString()!));
        }

        var response = new JsonObject
        {
            ["kind"] = kind,
            ["results"] = new JsonObject { ["documents"] = documents, ["errors"] = errors, ["modelVersion"] = "2023-04-15" },
        };
        return Json(200, response.ToJsonString());
    }

    private JsonObject PiiDocument(string id, string text, JsonElement parameters)
    {
        var utf16 = parameters.TryGetProperty("stringIndexType", out var type) && type.GetString() == "Utf16CodeUnit";
        var entities = new JsonArray();
        var redacted = text.ToCharArray();
        foreach (var (fragment, category) in Pii)
        {
            for (var at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
            {
                Array.Fill(redacted, '*', at, fragment.Length);
                entities.Add(new JsonObject
                {
                    ["text"] = fragment,
                    ["category"] = category,
                    ["offset"] = utf16 ? at : new StringInfo(text[..at]).LengthInTextElements,
                    ["length"] = utf16 ? fragment.Length : new StringInfo(fragment).LengthInTextElements,
                    ["confidenceScore"] = 0.9,
                });
            }
        }

        return new JsonObject { ["id"] = id, ["redactedText"] = new string(redacted), ["entities"] = entities, ["warnings"] = new JsonArray() };
    }

    private JsonObject LanguageDocument(string id, string text)
    {
        var (iso, confidence) = Language(text);
        return new JsonObject
        {
            ["id"] = id,
            ["detectedLanguage"] = new JsonObject { ["name"] = iso, ["iso6391Name"] = iso, ["confidenceScore"] = confidence },
            ["warnings"] = new JsonArray(),
        };
    }
}
