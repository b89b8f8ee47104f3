using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IntakeBot.Dialogs.Language;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace IntakeBot.Bot.Language;

/// <summary>
/// Azure AI Language over its REST contract (<c>POST {endpoint}/language/:analyze-text</c>,
/// api-version 2023-04-01), for <c>PiiEntityRecognition</c> and <c>LanguageDetection</c>. Splits
/// the texts into requests within the service limits (5 documents per PII request, 1,000 per
/// detection request, 1 MB per request; longer documents are not sent), and maps each document's
/// result or error. Retries and timeouts are the HttpClient's resilience handler
/// (<see cref="LanguageServicesSetup"/>); what is left after them is an
/// <see cref="AzureLanguageException"/>. Logs counts and status codes only, never text.
/// </summary>
public sealed partial class AzureLanguageClient(HttpClient http, IOptions<AzureLanguageOptions> options, ILogger<AzureLanguageClient> logger)
{
    /// <summary>The service's maximum documents per synchronous PII request.</summary>
    public const int MaxPiiDocumentsPerRequest = 5;

    /// <summary>The service's maximum documents per language detection request.</summary>
    public const int MaxLanguageDocumentsPerRequest = 1000;

    /// <summary>The service's maximum length of one document, in text elements.</summary>
    public const int MaxTextElementsPerDocument = DocumentChunks.MaxTextElements;

    // The service takes 1 MB per request; the rest is left for JSON syntax and escapes.
    private const int MaxRequestTextBytes = 900_000;

    /// <summary>
    /// Recognizes PII in each text (requested as Japanese, <c>Utf16CodeUnit</c> offsets, the
    /// categories of <see cref="AzurePiiCategories.Requested"/>). One result per text, in order.
    /// </summary>
    public Task<IReadOnlyList<AzureDocumentResult<IReadOnlyList<AzurePiiEntity>>>> RecognizePiiAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        AnalyzeAsync(
            texts,
            kind: "PiiEntityRecognition",
            resultKind: "PiiEntityRecognitionResults",
            parameters: new AnalyzeTextWire.PiiParameters("latest", LoggingOptOut: true, AzurePiiCategories.Requested, "Utf16CodeUnit"),
            maxDocuments: MaxPiiDocumentsPerRequest,
            document: (id, text) => new AnalyzeTextWire.Document(id, text, Language: "ja"),
            map: ToEntities,
            cancellationToken);

    /// <summary>Detects the language of each text (country hint Japan). One result per text, in order.</summary>
    public Task<IReadOnlyList<AzureDocumentResult<DetectedLanguage>>> DetectLanguageAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        AnalyzeAsync(
            texts,
            kind: "LanguageDetection",
            resultKind: "LanguageDetectionResults",
            parameters: new AnalyzeTextWire.LanguageDetectionParameters("latest", LoggingOptOut: true),
            maxDocuments: MaxLanguageDocumentsPerRequest,
            document: (id, text) => new AnalyzeTextWire.Document(id, text, CountryHint: "jp"),
            map: ToLanguage,
            cancellationToken);

    private async Task<IReadOnlyList<AzureDocumentResult<T>>> AnalyzeAsync<T>(
        IReadOnlyList<string> texts,
        string kind,
        string resultKind,
        object parameters,
        int maxDocuments,
        Func<string, string, AnalyzeTextWire.Document> document,
        Func<AnalyzeTextWire.DocumentResult, T?> map,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new AzureDocumentResult<T>[texts.Count];
        var sendable = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            // Neither is worth a round trip: the service rejects both per document anyway.
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                results[i] = AzureDocumentResult<T>.Failure("EmptyDocument");
            }
            else if (new StringInfo(texts[i]).LengthInTextElements > MaxTextElementsPerDocument)
            {
                results[i] = AzureDocumentResult<T>.Failure("DocumentTooLong");
            }
            else
            {
                sendable.Add(i);
            }
        }

        foreach (var batch in Batches(sendable, texts, maxDocuments))
        {
            // Ids are the texts' positions: unique in the request and easy to map back.
            var documents = batch.Select(i => document((i + 1).ToString(CultureInfo.InvariantCulture), texts[i])).ToList();
            var request = new AnalyzeTextWire.Request(kind, parameters, new AnalyzeTextWire.Input(documents));
            var response = await SendAsync(request, resultKind, cancellationToken);

            var answered = response.Documents!.Where(d => d?.Id is not null).GroupBy(d => d!.Id!).ToDictionary(g => g.Key, g => g.First()!);
            var failed = (response.Errors ?? []).Where(e => e?.Id is not null).GroupBy(e => e!.Id!).ToDictionary(g => g.Key, g => g.First()!);
            var errorCount = 0;
            foreach (var i in batch)
            {
                var id = (i + 1).ToString(CultureInfo.InvariantCulture);
                if (answered.TryGetValue(id, out var result) && map(result) is { } value)
                {
                    results[i] = AzureDocumentResult<T>.Success(value);
                    continue;
                }

                errorCount++;
                results[i] = AzureDocumentResult<T>.Failure(
                    failed.TryGetValue(id, out var error) ? error.Error?.Code ?? "DocumentError" : answered.ContainsKey(id) ? "MalformedDocument" : "Missing");
            }

            LogBatch(logger, kind, batch.Count, errorCount);
        }

        return results;
    }

    private async Task<AnalyzeTextWire.Results> SendAsync(AnalyzeTextWire.Request body, string resultKind, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(settings.Endpoint))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, AnalyzeTextWire.Json))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            },
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", settings.Key);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failed(new AzureLanguageException("Timeout", innerException: ex));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, the backstop behind the resilience handler's timeouts.
            throw Failed(new AzureLanguageException("Timeout", innerException: ex));
        }
        catch (HttpRequestException ex)
        {
            throw Failed(new AzureLanguageException("Unreachable", innerException: ex));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            byte[] content;
            try
            {
                content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw Failed(new AzureLanguageException("Unreachable", status, innerException: ex));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Failed(new AzureLanguageException("HttpStatus", status, ServiceErrorCode(content)));
            }

            AnalyzeTextWire.Response? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<AnalyzeTextWire.Response>(content, AnalyzeTextWire.Json);
            }
            catch (JsonException ex)
            {
                throw Failed(new AzureLanguageException("MalformedResponse", status, innerException: ex));
            }

            if (parsed is not { Results.Documents: not null } || !string.Equals(parsed.Kind, resultKind, StringComparison.Ordinal))
            {
                throw Failed(new AzureLanguageException("MalformedResponse", status));
            }

            return parsed.Results;
        }
    }

    private AzureLanguageException Failed(AzureLanguageException exception)
    {
        LogRequestFailed(logger, exception.Reason, exception.StatusCode ?? 0, exception.ServiceErrorCode ?? "-");
        return exception;
    }

    private static Uri Endpoint(string endpoint) =>
        new(endpoint.TrimEnd('/') + "/language/:analyze-text?api-version=" + AnalyzeTextWire.ApiVersion, UriKind.Absolute);

    private static string? ServiceErrorCode(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize<AnalyzeTextWire.ErrorResponse>(content, AnalyzeTextWire.Json)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<AzurePiiEntity>? ToEntities(AnalyzeTextWire.DocumentResult result) =>
        result.Entities?
            .Where(e => e is { Category: not null })
            .Select(e => new AzurePiiEntity(e!.Category!, e.Offset, e.Length, e.ConfidenceScore))
            .ToList();

    private static DetectedLanguage? ToLanguage(AnalyzeTextWire.DocumentResult result) =>
        result.DetectedLanguage is { } language ? DetectedLanguage.FromServiceCode(language.Iso6391Name, language.ConfidenceScore) : null;

    private static IEnumerable<List<int>> Batches(List<int> indexes, IReadOnlyList<string> texts, int maxDocuments)
    {
        var batch = new List<int>();
        var bytes = 0;
        foreach (var i in indexes)
        {
            var size = Encoding.UTF8.GetByteCount(texts[i]);
            if (batch.Count == maxDocuments || (batch.Count > 0 && bytes + size > MaxRequestTextBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(i);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azure AI Language {Kind}: {Documents} document(s) sent, {Errors} without a result")]
    private static partial void LogBatch(ILogger logger, string kind, int documents, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language request failed: {Reason} (HTTP {Status}, service code {Code})")]
    private static partial void LogRequestFailed(ILogger logger, string reason, int status, string code);
}
