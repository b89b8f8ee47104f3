using IntakeBot.Dialogs.Language;

namespace IntakeBot.Bot.Language;

/// <summary>
/// <see cref="ILanguageDetector"/> asking Azure AI Language <c>LanguageDetection</c> only where the
/// local detector cannot be sure, under the local policy that short or ambiguous text is
/// Japanese:
/// <list type="bullet">
/// <item>text the local detector finds Japanese (kana, or kanji-only Japanese) is decided here and never sent;</item>
/// <item>text with fewer than <see cref="MinimumLettersToAsk"/> letters (「OK」, digits, emoji) gets the local answer, Japanese by default;</item>
/// <item>otherwise the first <see cref="MaxTextElementsSent"/> characters are sent; the service's answer is taken when it
/// says Japanese (and knew: not <c>(Unknown)</c>) or is at least <see cref="MinimumConfidence"/> sure, else the local answer stands;</item>
/// <item>any failure gives the local answer.</item>
/// </list>
/// Logs the language code and status only.
/// </summary>
public sealed partial class AzureLanguageDetector(AzureLanguageClient client, ILogger<AzureLanguageDetector> logger) : ILanguageDetector
{
    /// <summary>Letters a text needs before the service is asked; below it one word would decide.</summary>
    public const int MinimumLettersToAsk = 8;

    /// <summary>How sure the service must be to override the local answer with another language.</summary>
    public const double MinimumConfidence = 0.8;

    /// <summary>The language of a message shows in its start; the rest need not leave the machine.</summary>
    public const int MaxTextElementsSent = 1000;

    private readonly LocalLanguageDetector local = new();

    /// <inheritdoc />
    public async Task<DetectedLanguage> DetectAsync(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var localAnswer = local.Detect(text);
        if ((localAnswer.IsJapanese && localAnswer.Confidence > DetectedLanguage.FallbackConfidence)
            || string.IsNullOrEmpty(text) || text.Count(char.IsLetter) < MinimumLettersToAsk)
        {
            return localAnswer;
        }

        try
        {
            var outcome = (await client.DetectLanguageAsync([DocumentChunks.Head(text, MaxTextElementsSent)], cancellationToken))[0];
            if (!outcome.IsSuccess)
            {
                LogFallback(logger, outcome.ErrorCode ?? "-", 0, localAnswer.Code);
                return localAnswer;
            }

            var remote = outcome.Value!;
            // (Unknown) arrives as Japanese-by-default at 0.5: the service did not know, so the local answer stands.
            var taken = (remote.IsJapanese && remote.Confidence > DetectedLanguage.FallbackConfidence) || remote.Confidence >= MinimumConfidence ? remote : localAnswer;
            LogDetected(logger, remote.Code, remote.Confidence, taken.Code);
            return taken;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (reason, status) = ex is AzureLanguageException azure ? (azure.Reason, azure.StatusCode ?? 0) : (ex.GetType().Name, 0);
            LogFallback(logger, reason, status, localAnswer.Code);
            return localAnswer;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Language: Azure said {Remote} ({Confidence:0.00}); answering {Taken}")]
    private static partial void LogDetected(ILogger logger, string remote, double confidence, string taken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Language: Azure AI Language unavailable ({Reason}, HTTP {Status}); local detector answered {Taken}")]
    private static partial void LogFallback(ILogger logger, string reason, int status, string taken);
}
