namespace IntakeBot.Dialogs.Language;

/// <summary>The language a message is written in.</summary>
/// <param name="Code">ISO 639-1 code in lower case: ja, en, zh, ko, vi, pt, es, tl, or another a remote detector knows.</param>
/// <param name="Confidence">0 to 1. Low when the detector fell back to Japanese because the text told it nothing.</param>
public sealed record DetectedLanguage(string Code, double Confidence)
{
    /// <summary>The confidence given to Japanese chosen for lack of evidence rather than found.</summary>
    public const double FallbackConfidence = 0.5;

    /// <summary>Japanese because the text was too short or ambiguous to say (「OK」, digits, emoji).</summary>
    public static DetectedLanguage JapaneseByDefault { get; } = new("ja", FallbackConfidence);

    /// <summary>Whether the message should get the ordinary Japanese conversation.</summary>
    public bool IsJapanese => Code == "ja";

    /// <summary>
    /// Builds a result from a language code as services spell it: Azure's <c>zh_chs</c>/<c>zh_cht</c>,
    /// BCP 47 tags like <c>pt-BR</c>, upper case, and <c>fil</c> for Tagalog. No code, or Azure's
    /// <c>(Unknown)</c>, gives <see cref="JapaneseByDefault"/>.
    /// </summary>
    public static DetectedLanguage FromServiceCode(string? code, double confidence)
    {
        var primary = code?.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (string.IsNullOrEmpty(primary) || primary == "(unknown)" || primary == "unknown")
        {
            return JapaneseByDefault;
        }

        return new DetectedLanguage(primary == "fil" ? "tl" : primary, double.IsNaN(confidence) ? 0 : Math.Clamp(confidence, 0, 1));
    }
}
