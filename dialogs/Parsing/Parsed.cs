namespace IntakeBot.Dialogs.Parsing;

/// <summary>The result of parsing one answer.</summary>
/// <param name="Outcome">What the parser made of the text.</param>
/// <param name="Value">The value, when <paramref name="Outcome"/> is <see cref="ParseOutcome.Value"/>.</param>
/// <param name="Problem">When invalid, a short polite Japanese sentence saying what was wrong
/// (「2月30日という日はありません。」), or null when the text simply was not understood.</param>
public readonly record struct Parsed<T>(ParseOutcome Outcome, T? Value, string? Problem)
{
    public static Parsed<T> Ok(T value) => new(ParseOutcome.Value, value, null);
    public static Parsed<T> Unknown() => new(ParseOutcome.Unknown, default, null);
    public static Parsed<T> Invalid(string? problem = null) => new(ParseOutcome.Invalid, default, problem);

    public bool IsValue => Outcome == ParseOutcome.Value;
}
