using System.ClientModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntakeBot.Bot.Audit;
using IntakeBot.Dialogs.Language;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// The one way to the language model. Every request: the data is PII-redacted with
/// <see cref="IPiiRedactor"/> and escaped into a fixed prompt (<see cref="PromptText"/>), sent
/// through Semantic Kernel's OpenAI chat completion with a timeout, and recorded: an audit row with
/// the SHA-256 of the exact user message sent and counts (never the text), a metric and a log line
/// without personal data. Any failure (timeout, 429, 5xx, malformed answer, no content) comes back
/// as a failed <see cref="ModelResult"/>, never as an exception, so the caller uses the rules.
/// </summary>
public sealed partial class LanguageModelGateway(
    IChatCompletionService chat,
    IPiiRedactor redactor,
    IServiceScopeFactory scopes,
    ILogger<LanguageModelGateway> logger)
{
    public const string MeterName = "IntakeBot.LanguageModel";
    public const string AuditActor = "言語モデル";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("intakebot.language_model.requests", description: "Requests to the language model, by use and outcome");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("intakebot.language_model.duration", "ms");

    public static string AuditAction(ModelUse use) => "model." + use.ToString().ToLowerInvariant();

    public async Task<ModelResult> AskAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        RedactionResult redaction;
        try
        {
            redaction = WithKnown(await redactor.RedactAsync(request.Data, cancellationToken), request);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing was sent: without a redaction nothing may be.
            var failed = ModelResult.Failed("redaction:" + ex.GetType().Name);
            Record(request, null, 0, failed, watch.Elapsed);
            return failed;
        }

        var userMessage = PromptText.Data(redaction.Text);
        var result = await SendAsync(request, userMessage, redaction, cancellationToken);
        Record(request, userMessage, redaction.Entities.Count, result, watch.Elapsed);
        await AuditAsync(request, userMessage, redaction.Entities.Count, result, watch.Elapsed, cancellationToken);
        return result;
    }

    /// <summary>Adds every occurrence of the caller's known personal details to the recognizer's findings.</summary>
    private static RedactionResult WithKnown(RedactionResult redaction, ModelRequest request)
    {
        if (request.KnownPersonal is not { Count: > 0 } known)
        {
            return redaction;
        }

        var spans = redaction.Entities.Select(e => new PiiSpan(e.Category, e.Offset, e.Length)).ToList();
        foreach (var (category, value) in known)
        {
            foreach (var form in new[] { value.Trim(), string.Concat(value.Where(c => !char.IsWhiteSpace(c))) }.Where(f => f.Length >= 2).Distinct())
            {
                for (var at = request.Data.IndexOf(form, StringComparison.Ordinal); at >= 0; at = request.Data.IndexOf(form, at + form.Length, StringComparison.Ordinal))
                {
                    spans.Add(new PiiSpan(category, at, form.Length));
                }
            }
        }

        return RedactionResult.Create(request.Data, spans);
    }

    private async Task<ModelResult> SendAsync(ModelRequest request, string userMessage, RedactionResult redaction, CancellationToken cancellationToken)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(PromptText.System(request.Task));
        history.AddUserMessage(userMessage);
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            MaxTokens = request.MaxTokens,
            ResponseFormat = request.ResponseFormat,
            // No tools are offered, so none is ever run whatever the answer asks for.
            ToolCallBehavior = null,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        try
        {
            var replies = await chat.GetChatMessageContentsAsync(history, settings, kernel: null, timeout.Token);
            var content = replies.Count > 0 ? replies[0].Content : null;
            return string.IsNullOrWhiteSpace(content) ? ModelResult.Failed("empty") : ModelResult.Ok(content, redaction);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ModelResult.Failed("timeout");
        }
        catch (HttpOperationException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex.StatusCode is { } status
                ? ModelResult.Failed("http" + ((int)status).ToString(CultureInfo.InvariantCulture), RetryAfter(ex))
                : ModelResult.Failed(ex.InnerException is { } inner ? "error:" + inner.GetType().Name : "error:" + ex.GetType().Name);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Malformed JSON from the server, a broken connection, an answer the client cannot read.
            return ModelResult.Failed("error:" + ex.GetType().Name);
        }
    }

    /// <summary>The wait a 429 or 503 asked for (<c>Retry-After</c>, seconds or an HTTP date).</summary>
    private static TimeSpan? RetryAfter(HttpOperationException ex)
    {
        if (ex.InnerException is not ClientResultException { } client
            || client.GetRawResponse() is not { } response
            || !response.Headers.TryGetValue("Retry-After", out var value)
            || value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow
            : null;
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Detail(string? userMessage, int placeholders, ModelResult result, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"sha256={(userMessage is null ? "-" : Sha256(userMessage))} chars={userMessage?.Length ?? 0} placeholders={placeholders} outcome={result.Outcome} ms={(long)elapsed.TotalMilliseconds}");

    private void Record(ModelRequest request, string? userMessage, int placeholders, ModelResult result, TimeSpan elapsed)
    {
        var use = request.Use.ToString();
        Requests.Add(1, new KeyValuePair<string, object?>("use", use), new KeyValuePair<string, object?>("outcome", result.Outcome));
        Duration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("use", use));
        LogCall(logger, use, result.Outcome, (long)elapsed.TotalMilliseconds, userMessage?.Length ?? 0, placeholders);
    }

    private async Task AuditAsync(ModelRequest request, string userMessage, int placeholders, ModelResult result, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.WriteAsync(
                null, AuditActor, AuditAction(request.Use), request.TicketReference,
                result.Succeeded ? AuditLog.Ok : "failed", Detail(userMessage, placeholders, result, elapsed), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogAuditFailed(logger, request.Use.ToString(), ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model {Use}: {Outcome} in {Milliseconds} ms; sent {Characters} redacted characters with {Placeholders} placeholders")]
    private static partial void LogCall(ILogger logger, string use, string outcome, long milliseconds, int characters, int placeholders);

    [LoggerMessage(Level = LogLevel.Error, Message = "Language model {Use}: the audit row could not be written ({Error})")]
    private static partial void LogAuditFailed(ILogger logger, string use, string error);
}
