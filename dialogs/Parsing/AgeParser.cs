using System.Globalization;
using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Reads an exact age (「72歳」「七十二」「満72歳」) or a birth date from which the age is computed.
/// An approximate age (「70代」「70くらい」) is refused: the centre's eligibility checks need the real one.
/// </summary>
internal static partial class AgeParser
{
    private const int OldestAge = 120;

    private const string ExactAgeProblem = "おおよそではなく、正確な年齢か生年月日を教えてください。";

    // Words that make an age approximate or relative to some other moment.
    private static readonly string[] Vague =
    [
        "くらい", "ぐらい", "位", "前後", "頃", "ごろ", "過ぎ", "すぎ", "程度", "ほど", "約", "およそ",
        "大体", "だいたい", "近く", "以上", "以下", "未満", "半ば", "前半", "後半",
        "今年", "来年", "来月", "今度", "もうすぐ",
    ];

    /// <summary>Parses <paramref name="text"/> as an age on <paramref name="today"/>.</summary>
    public static Parsed<AgeAnswer> Parse(string? text, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        if (normalized.Length == 0)
        {
            return Parsed<AgeAnswer>.Invalid();
        }

        if (UnknownAnswer.Matches(normalized))
        {
            return Parsed<AgeAnswer>.Unknown();
        }

        var prepared = JapaneseNumber.ReplaceAll(JapaneseText.FoldDashes(normalized));
        if (prepared.Contains("数え", StringComparison.Ordinal))
        {
            // 数え年 is one or two years more than the legal age; converting would need the birthday.
            return Parsed<AgeAnswer>.Invalid("満年齢か生年月日を教えてください。");
        }

        return LooksLikeBirthDate(prepared)
            ? FromBirthDate(normalized, prepared, today)
            : FromAge(prepared);
    }

    private static bool LooksLikeBirthDate(string prepared) =>
        prepared.Contains("生まれ", StringComparison.Ordinal)
        || prepared.Contains("生れ", StringComparison.Ordinal)
        || YearMention().IsMatch(prepared)
        || MonthDayMention().IsMatch(prepared);

    private static Parsed<AgeAnswer> FromBirthDate(string normalized, string prepared, DateOnly today)
    {
        // Without the year a birth date says nothing about the age; 「5月1日生まれ」 must not become 0歳.
        if (!YearMention().IsMatch(prepared))
        {
            return Parsed<AgeAnswer>.Invalid("生まれた年も教えてください。");
        }

        var date = DateParser.Parse(normalized, today, DateExpectation.PastOrToday);
        if (!date.IsValue)
        {
            // A year alone (「昭和28年生まれ」) leaves the age open by one; we ask instead of choosing.
            return Parsed<AgeAnswer>.Invalid(date.Problem == "何月何日かも教えてください。" || date.Problem is null
                ? "生まれた月日か、正確な年齢も教えてください。"
                : date.Problem);
        }

        var birth = date.Value;
        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age))
        {
            age--;
        }

        if (age > OldestAge)
        {
            return Parsed<AgeAnswer>.Invalid("生年月日をもう一度確かめて教えてください。");
        }

        // Someone who writes both must agree with themself; otherwise we cannot tell which is right.
        var stated = StatedAge().Match(prepared);
        if (stated.Success && Number(stated.Groups["n"]) != age)
        {
            return Parsed<AgeAnswer>.Invalid("年齢と生年月日が合わないようです。もう一度教えてください。");
        }

        return Parsed<AgeAnswer>.Ok(new AgeAnswer(age, birth));
    }

    private static Parsed<AgeAnswer> FromAge(string prepared)
    {
        if (Decade().IsMatch(prepared) || Vague.Any(word => prepared.Contains(word, StringComparison.Ordinal)))
        {
            return Parsed<AgeAnswer>.Invalid(ExactAgeProblem);
        }

        var numbers = AnyNumber().Matches(prepared);
        if (numbers.Count == 0)
        {
            return Parsed<AgeAnswer>.Invalid();
        }

        if (numbers.Count > 1)
        {
            return Parsed<AgeAnswer>.Invalid(ExactAgeProblem);
        }

        // A number counts as an age only with an age unit, or alone: 「72人」「72キロ」 are not ages.
        var withUnit = StatedAge().Match(prepared);
        var match = withUnit.Success ? withUnit : BareAge().Match(prepared);
        if (!match.Success)
        {
            return Parsed<AgeAnswer>.Invalid();
        }

        // Long digit strings would overflow int and are no age anyway.
        if (match.Groups["n"].Length > 3)
        {
            return Parsed<AgeAnswer>.Invalid($"年齢は0〜{OldestAge}歳の範囲で教えてください。");
        }

        var age = Number(match.Groups["n"]);
        return age > OldestAge
            ? Parsed<AgeAnswer>.Invalid($"年齢は0〜{OldestAge}歳の範囲で教えてください。")
            : Parsed<AgeAnswer>.Ok(new AgeAnswer(age, null));
    }

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:令和|平成|昭和|大正|明治)\s*(?:元|\d)|(?<![A-Za-z])[RHSTMrhstm]\s*\d{1,2}\s*[./年]|(?<!\d)\d{4}(?!\d)|(?<!\d)\d{8}(?!\d)")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"\d\s*月\s*\d|(?<![\d.])\d{1,2}\s*/\s*\d{1,2}(?![\d.])")]
    private static partial Regex MonthDayMention();

    [GeneratedRegex(@"(?<!\d)(?<n>\d{1,4})(?!\d)\s*(?:歳|才|さい)")]
    private static partial Regex StatedAge();

    [GeneratedRegex(@"^[^\d]{0,6}?(?<n>\d+)\s*(?:です|だ|になります|でございます)?\s*[。.!]?$")]
    private static partial Regex BareAge();

    [GeneratedRegex(@"\d\s*代")]
    private static partial Regex Decade();

    [GeneratedRegex(@"\d+")]
    private static partial Regex AnyNumber();
}
