using IntakeBot.Dialogs.Language;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// What came back: the model's text (still with placeholders) and the redaction that can put the
/// personal details back (<see cref="Restore"/>), or why there is no answer. Callers treat any
/// failure as "no answer" and use the rules.
/// </summary>
public sealed record ModelResult
{
    private ModelResult(string outcome, string? content, RedactionResult? redaction, TimeSpan? retryAfter)
    {
        Outcome = outcome;
        Content = content;
        Redaction = redaction;
        RetryAfter = retryAfter;
    }

    /// <summary><c>ok</c>, or the reason: <c>timeout</c>, <c>http429</c>, <c>http500</c>, <c>empty</c>, <c>error:TypeName</c>…</summary>
    public string Outcome { get; }

    /// <summary>The answer as the model wrote it (placeholders not restored); null on failure.</summary>
    public string? Content { get; }

    public RedactionResult? Redaction { get; }

    /// <summary>What a 429 or 503 asked for, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool Succeeded => Content is not null;

    public static ModelResult Ok(string content, RedactionResult redaction) => new("ok", content, redaction, null);

    public static ModelResult Failed(string outcome, TimeSpan? retryAfter = null) => new(outcome, null, null, retryAfter);

    /// <summary>Puts the personal details back into (part of) the answer.</summary>
    public string Restore(string text) => Redaction?.Restore(text) ?? text;
}
