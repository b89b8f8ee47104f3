namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Parsers for the answers of the intake questions, for Japanese free text as people type it
/// (full-width digits, 和暦, relative dates, kanji numerals, colloquial yes/no).
/// None of them guesses: text that is not clearly a value is <see cref="ParseOutcome.Invalid"/>.
/// Every parser normalises the text first and returns <see cref="ParseOutcome.Unknown"/> when the
/// user says they do not know (see <see cref="IsUnknown"/>).
/// </summary>
public static class AnswerParsers
{
    /// <summary>
    /// A calendar date: 「2026年12月3日」「令和8年12/3」「R8.12.3」「12月3日」「5日」「明日」「3日後」
    /// 「来週の月曜」「来月5日」, also inside a sentence (「出所は12月3日です」). A date without a year
    /// is placed on the side of <paramref name="today"/> that <paramref name="expectation"/> asks for;
    /// a date with a year on the wrong side is invalid.
    /// </summary>
    public static Parsed<DateOnly> Date(string text, DateOnly today, DateExpectation expectation) =>
        DateParser.Parse(text, today, expectation);

    /// <summary>
    /// An exact age (「72歳」「七十二」「満72歳」) or a birth date with its year, from which the age on
    /// <paramref name="today"/> is computed. Approximate ages (「70代」) are invalid.
    /// </summary>
    public static Parsed<AgeAnswer> Age(string text, DateOnly today) => AgeParser.Parse(text, today);

    /// <summary>Yes (true) or no (false); mixed, hedged or double-negative answers are invalid.</summary>
    public static Parsed<bool> YesNo(string text) => YesNoParser.Parse(text);

    /// <summary>
    /// One option, by label, by 1-based number (「2」「②」「2番」) or by a label or synonym mentioned
    /// in the text. Mentions of two different options are invalid.
    /// </summary>
    public static Parsed<T> Choice<T>(string text, IReadOnlyList<Choice<T>> choices) =>
        ChoiceParser.ParseOne(text, choices);

    /// <summary>
    /// Several options (「1と3」「母と兄」), without duplicates, in the order first mentioned.
    /// At least one option must be mentioned.
    /// </summary>
    public static Parsed<IReadOnlyList<T>> Choices<T>(string text, IReadOnlyList<Choice<T>> choices) =>
        ChoiceParser.ParseMany(text, choices);

    /// <summary>
    /// A Japanese phone number (10 or 11 digits starting with 0, or +81), returned with hyphens in
    /// domestic form: 「090-1234-5678」「03-1234-5678」「0120-123-456」.
    /// </summary>
    public static Parsed<string> Phone(string text) => PhoneParser.Parse(text);

    /// <summary>One e-mail address found in the text, with its domain in lower case.</summary>
    public static Parsed<string> Email(string text) => EmailParser.Parse(text);

    /// <summary>A prefecture (always its full name) and, when written, the municipality.</summary>
    public static Parsed<Area> Area(string text) => AreaParser.Parse(text);

    /// <summary>The places a bare city name shared by two prefectures may mean (「府中」), or none.</summary>
    public static IReadOnlyList<Area> AreaCandidates(string text) => AreaParser.Candidates(text);

    /// <summary>True when the text says the user does not know (「わからない」「不明」「知らない」…).</summary>
    public static bool IsUnknown(string text) => UnknownAnswer.Matches(JapaneseText.Normalize(text));
}
