using System.Globalization;
using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A question answered by a date (西暦, 和暦, relative).</summary>
public sealed partial class DateQuestion : Question
{
    private readonly DateExpectation _expectation;
    private readonly Func<IntakeRecord, DateOnly?> _get;
    private readonly Action<IntakeRecord, DateOnly?> _set;

    public DateQuestion(
        IntakeStep step,
        string label,
        Func<IntakeRecord, bool, string> prompt,
        DateExpectation expectation,
        Func<IntakeRecord, DateOnly?> get,
        Action<IntakeRecord, DateOnly?> set)
        : base(step, label, prompt, ExampleFor(expectation), allowsUnknown: true)
    {
        _expectation = expectation;
        _get = get;
        _set = set;
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        // 「らいげつ とおか」: a date typed without kanji conversion is read like its kanji.
        var folded = KanaDayNumbers().Replace(KanaDates.Fold(JapaneseText.Normalize(text)), m => KanaDays[m.Groups["day"].Value]);
        return Accept(AnswerParsers.Date(folded, today, _expectation), record, date => _set(record, date));
    }

    public override string? Describe(IntakeRecord record) => _get(record) is { } date ? Format(date) : null;

    public override void Clear(IntakeRecord record) => _set(record, null);

    public override void Copy(IntakeRecord from, IntakeRecord to) => _set(to, _get(from));

    /// <summary>「2026年12月3日（木）」: the weekday helps people notice a wrong date.</summary>
    public static string Format(DateOnly date)
    {
        var weekday = "日月火水木金土"[(int)date.DayOfWeek];
        return string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日（{weekday}）");
    }

    private static readonly Dictionary<string, string> KanaDays = new()
    {
        ["ついたち"] = "1日", ["ふつか"] = "2日", ["みっか"] = "3日", ["よっか"] = "4日", ["いつか"] = "5日",
        ["むいか"] = "6日", ["なのか"] = "7日", ["ようか"] = "8日", ["ここのか"] = "9日", ["とおか"] = "10日",
        ["はつか"] = "20日",
    };

    // A kana day counts after a month (「来月 とおか」「12月 はつか」) or as the whole answer; 「いつか」
    // alone is "some day", so it needs the month.
    [GeneratedRegex("(?<=月\\s?|月の\\s?)(?<day>ついたち|ふつか|みっか|よっか|いつか|むいか|なのか|ようか|ここのか|とおか|はつか)|^(?<day>ついたち|ふつか|みっか|よっか|むいか|なのか|ようか|ここのか|とおか|はつか)$")]
    private static partial Regex KanaDayNumbers();

    private static string ExampleFor(DateExpectation expectation) => expectation == DateExpectation.PastOrToday
        ? "例：「2025年4月10日」「令和7年4月10日」「先月10日」"
        : "例：「12月3日」「令和8年12月3日」「来月5日」「3日後」";
}
