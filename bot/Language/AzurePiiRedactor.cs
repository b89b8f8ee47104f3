using IntakeBot.Dialogs.Language;

namespace IntakeBot.Bot.Language;

/// <summary>
/// <see cref="IPiiRedactor"/> with Azure AI Language <c>PiiEntityRecognition</c> added to the local
/// Japanese rules. The raw text goes to Azure (recognition needs it); the placeholders are the
/// same <c>[PERSON_1]</c> scheme as <see cref="LocalPiiRedactor"/>, built by
/// <see cref="RedactionResult.Create"/>. Whatever goes wrong with the service (timeout, 429 after
/// the retries, 5xx, malformed JSON, a document missing or rejected) gives the local rules'
/// result for the texts concerned, so a caller always gets a redaction. Logs category names and
/// counts only.
/// </summary>
public sealed partial class AzurePiiRedactor(AzureLanguageClient client, ILogger<AzurePiiRedactor> logger) : IPiiRedactor
{
    private readonly LocalPiiRedactor local = new();

    /// <inheritdoc />
    public async Task<RedactionResult> RedactAsync(string text, CancellationToken cancellationToken) =>
        (await RedactBatchAsync([text], cancellationToken))[0];

    /// <inheritdoc />
    public async Task<IReadOnlyList<RedactionResult>> RedactBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
        }

        // The union of both recognizers, not Azure instead of the rules: the 2023-04-01 service
        // knows no 称呼番号 or 事件番号, no 郵便番号 and no birth date (only every Date, which would
        // hide release and hearing dates), and its Japanese Person model misses names the rules'
        // honorific and label cues catch. With the union, turning Azure on can only add
        // placeholders, never drop one the rules found; overlaps are settled by RedactionResult.Create.
        var spans = texts.Select(text => local.FindEntities(text).ToList()).ToList();
        var pieces = texts
            .SelectMany((text, index) => DocumentChunks.Split(text).Select(piece => (Index: index, piece.Offset, piece.Text)))
            .ToList();

        try
        {
            var outcomes = await client.RecognizePiiAsync(pieces.Select(p => p.Text).ToList(), cancellationToken);
            var found = new Dictionary<PiiCategory, int>();
            var localOnly = 0;
            for (var k = 0; k < pieces.Count; k++)
            {
                var (index, offset, piece) = pieces[k];
                if (!outcomes[k].IsSuccess)
                {
                    if (outcomes[k].ErrorCode != "EmptyDocument")
                    {
                        localOnly++;
                        LogDocumentFallback(logger, outcomes[k].ErrorCode ?? "-");
                    }

                    continue;
                }

                foreach (var entity in outcomes[k].Value!)
                {
                    if (Accept(entity, piece, out var category))
                    {
                        spans[index].Add(new PiiSpan(category, offset + entity.Offset, entity.Length));
                        found[category] = found.GetValueOrDefault(category) + 1;
                    }
                }
            }

            LogRecognized(logger, texts.Count, found.Values.Sum(), string.Join(", ", found.Select(f => $"{f.Key}={f.Value}")), localOnly);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Never the exception's message or data: only what kind of failure it was.
            var (reason, status) = ex is AzureLanguageException azure ? (azure.Reason, azure.StatusCode ?? 0) : (ex.GetType().Name, 0);
            LogFallback(logger, reason, status, texts.Count);
        }

        return texts.Select((text, index) => RedactionResult.Create(text, spans[index])).ToList();
    }

    /// <summary>
    /// Maps the service's category, dropping what the product deliberately keeps (see
    /// dialogs/Language/README.md): categories outside <see cref="AzurePiiCategories"/>, spans
    /// outside the piece, and addresses without block numbers. 「横浜市に帰る」 is the
    /// 帰住予定地 the intake needs; the service marks it as an Address, the rules do not.
    /// </summary>
    private static bool Accept(AzurePiiEntity entity, string piece, out PiiCategory category)
    {
        if (!AzurePiiCategories.TryMap(entity.Category, out category)
            || entity.Offset < 0 || entity.Length <= 0 || entity.Offset + entity.Length > piece.Length)
        {
            return false;
        }

        return category != PiiCategory.Address || IsStreetLevel(piece.AsSpan(entity.Offset, entity.Length));
    }

    private static bool IsStreetLevel(ReadOnlySpan<char> address)
    {
        foreach (var c in address)
        {
            // Any digit, full width too, or a kanji block marker (三丁目, 八番地, 五号).
            if (char.IsDigit(c) || c is '丁' or '番' or '号')
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "PII: {Texts} text(s), {Entities} entities from Azure ({Categories}), {LocalOnly} piece(s) redacted by the local rules only")]
    private static partial void LogRecognized(ILogger logger, int texts, int entities, string categories, int localOnly);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PII: Azure had no result for a document ({Code}); the local rules redacted it")]
    private static partial void LogDocumentFallback(ILogger logger, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PII: Azure AI Language unavailable ({Reason}, HTTP {Status}); {Texts} text(s) redacted by the local rules only")]
    private static partial void LogFallback(ILogger logger, string reason, int status, int texts);
}
