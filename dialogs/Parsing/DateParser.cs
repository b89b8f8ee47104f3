using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Reads one calendar date out of free Japanese text: Western and 和暦 dates, month and day
/// without a year, day only, and relative expressions (「明日」「3日後」「来週の月曜」「来月5日」).
/// </summary>
/// <remarks>
/// Each rule is tried in turn, most specific first, and the text it matched is blanked out so that
/// a later, looser rule cannot read part of it again (「12月3日」 must not also count as 「3日」).
/// Two different dates in one answer are never resolved by picking one.
/// </remarks>
internal static partial class DateParser
{
    private const char Blank = '\u0001';

    // An optional weekday the user adds after a date: 「12月3日(木)」「12月3日木曜日」.
    private const string WeekdaySuffix =
        @"(?:\s*(?:\(\s*(?<wd>[月火水木金土日])\s*(?:曜日?)?\s*\)|(?<wd>[月火水木金土日])\s*曜日?))?";

    private const string WeekdayLetters = "月火水木金土日";

    private const string YearMissingProblem = "何年かを、西暦か元号（昭和・平成・令和など）で教えてください。";

    private static readonly Rule[] Rules =
    [
        new(EraDate(), ReadEraDate),
        new(WesternDate(), ReadWesternDate),
        new(CompactDate(), ReadWesternDate),
        new(YearWithoutEra(), static (_, _, _) => Parsed<DateOnly>.Invalid(YearMissingProblem)),
        new(RelativeYearDate(), ReadRelativeYearDate),
        new(RelativeMonthDate(), ReadRelativeMonthDate),
        new(MonthDay(), ReadMonthDay),
        new(SlashMonthDay(), ReadMonthDay),
        new(RelativeWeekday(), ReadRelativeWeekday),
        new(NextWeekday(), ReadNextWeekday),
        new(Offset(), ReadOffset),
        new(DayWord(), ReadDayWord),
        new(DayOnly(), ReadDayOnly),
    ];

    /// <summary>Parses <paramref name="text"/> as a date, relative to <paramref name="today"/>.</summary>
    public static Parsed<DateOnly> Parse(string? text, DateOnly today, DateExpectation expectation)
    {
        var normalized = JapaneseText.Normalize(text);
        if (normalized.Length == 0)
        {
            return Parsed<DateOnly>.Invalid();
        }

        if (UnknownAnswer.Matches(normalized))
        {
            return Parsed<DateOnly>.Unknown();
        }

        var prepared = JapaneseNumber.ReplaceBeforeDateUnits(JapaneseText.FoldDashes(normalized));
        var (found, remaining) = Scan(prepared, today, expectation);
        if (found.Count == 0)
        {
            return Parsed<DateOnly>.Invalid(ProblemForIncompleteDate(prepared));
        }

        var invalid = found.FirstOrDefault(static f => !f.IsValue);
        if (invalid.Outcome == ParseOutcome.Invalid)
        {
            return invalid;
        }

        var distinct = found.Select(static f => f.Value).Distinct().ToList();
        if (distinct.Count > 1)
        {
            return Parsed<DateOnly>.Invalid("日付が二つ以上あります。一つだけ教えてください。");
        }

        // A weekday written apart from the date (「12月3日、木曜日」) must agree with it;
        // 「来週の月曜日か火曜日」 names two days and must not quietly become Monday.
        foreach (Match weekday in WeekdayAlone().Matches(remaining))
        {
            var checkedDate = CheckWeekday(weekday, distinct[0]);
            if (!checkedDate.IsValue)
            {
                return checkedDate;
            }
        }

        return Check(distinct[0], today, expectation);
    }

    private static (List<Parsed<DateOnly>> Found, string Remaining) Scan(string prepared, DateOnly today, DateExpectation expectation)
    {
        var found = new List<Parsed<DateOnly>>();
        var work = new StringBuilder(prepared);
        foreach (var rule in Rules)
        {
            foreach (Match match in rule.Pattern.Matches(work.ToString()))
            {
                var date = rule.Read(match, today, expectation);
                found.Add(date.IsValue ? CheckWeekday(match, date.Value) : date);
                for (var i = match.Index; i < match.Index + match.Length; i++)
                {
                    work[i] = Blank;
                }
            }
        }

        return (found, work.ToString());
    }

    private static Parsed<DateOnly> Check(DateOnly date, DateOnly today, DateExpectation expectation)
    {
        // Nobody we talk about was born more than 120 years ago, and no release or hearing is
        // planned more than ten years ahead: such a date is a typo, not a fact to store.
        if (date < today.AddYears(-120))
        {
            return Parsed<DateOnly>.Invalid($"{date.Year}年は昔すぎるようです。もう一度教えてください。");
        }

        if (date > today.AddYears(10))
        {
            return Parsed<DateOnly>.Invalid($"{date.Year}年は先すぎるようです。もう一度教えてください。");
        }

        return expectation switch
        {
            DateExpectation.TodayOrFuture when date < today =>
                Parsed<DateOnly>.Invalid("過去の日付になっています。これからの予定日を教えてください。"),
            DateExpectation.PastOrToday when date > today =>
                Parsed<DateOnly>.Invalid("これからの日付になっています。今日までの日付を教えてください。"),
            _ => Parsed<DateOnly>.Ok(date),
        };
    }

    private static Parsed<DateOnly> CheckWeekday(Match match, DateOnly date)
    {
        var group = match.Groups["wd"];
        if (!group.Success || match.Groups["week"].Success || match.Groups["next"].Success)
        {
            return Parsed<DateOnly>.Ok(date);
        }

        // A weekday that contradicts the date means one of the two is wrong, and we cannot know which.
        var actual = WeekdayLetters[((int)date.DayOfWeek + 6) % 7];
        return actual == group.Value[0]
            ? Parsed<DateOnly>.Ok(date)
            : Parsed<DateOnly>.Invalid($"{date.Year}年{date.Month}月{date.Day}日は{actual}曜日です。日付をもう一度教えてください。");
    }

    private static string? ProblemForIncompleteDate(string prepared)
    {
        if (MonthWithoutDay().IsMatch(prepared))
        {
            return "何日かも教えてください。";
        }

        if (YearWithoutMonth().IsMatch(prepared))
        {
            return "何月何日かも教えてください。";
        }

        return WeekdayAlone().IsMatch(prepared) ? "何月何日か教えてください。" : null;
    }

    private static Parsed<DateOnly> ReadEraDate(Match match, DateOnly today, DateExpectation expectation)
    {
        var era = JapaneseEra.Find(match.Groups["era"].Value)!;
        var eraYear = match.Groups["y"].Value == "元" ? 1 : Number(match.Groups["y"]);
        var spokenYear = $"{era.Name}{(eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture))}年";
        if (eraYear == 0)
        {
            return Parsed<DateOnly>.Invalid($"{era.Name}0年という年はありません。");
        }

        var date = Make(era.ToGregorianYear(eraYear), Number(match.Groups["m"]), Number(match.Groups["d"]), spokenYear);
        if (!date.IsValue)
        {
            return date;
        }

        if (date.Value < era.First)
        {
            return Parsed<DateOnly>.Invalid($"{era.Name}は{Format(era.First)}からです。");
        }

        return date.Value > era.Last
            ? Parsed<DateOnly>.Invalid($"{era.Name}は{Format(era.Last)}までです。")
            : date;
    }

    private static Parsed<DateOnly> ReadWesternDate(Match match, DateOnly today, DateExpectation expectation)
    {
        var year = Number(match.Groups["y"]);
        return Make(year, Number(match.Groups["m"]), Number(match.Groups["d"]), $"{year}年");
    }

    private static Parsed<DateOnly> ReadRelativeYearDate(Match match, DateOnly today, DateExpectation expectation)
    {
        var offset = match.Groups["rel"].Value switch
        {
            "来年" => 1,
            "再来年" => 2,
            "去年" or "昨年" => -1,
            "一昨年" or "おととし" => -2,
            _ => 0,
        };
        var year = today.Year + offset;
        return Make(year, Number(match.Groups["m"]), Number(match.Groups["d"]), $"{year}年");
    }

    private static Parsed<DateOnly> ReadRelativeMonthDate(Match match, DateOnly today, DateExpectation expectation)
    {
        var offset = match.Groups["rel"].Value switch
        {
            "来月" => 1,
            "再来月" => 2,
            "先月" => -1,
            "先々月" => -2,
            _ => 0,
        };
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(offset);
        var day = match.Groups["end"].Success
            ? DateTime.DaysInMonth(month.Year, month.Month)
            : Number(match.Groups["d"]);
        return Make(month.Year, month.Month, day, $"{month.Year}年");
    }

    private static Parsed<DateOnly> ReadMonthDay(Match match, DateOnly today, DateExpectation expectation)
    {
        var month = Number(match.Groups["m"]);
        var day = Number(match.Groups["d"]);

        // 2000 is a leap year, so this accepts 2月29日 here and leaves the year to the search below.
        if (!IsValid(2000, month, day))
        {
            return Parsed<DateOnly>.Invalid(NoSuchDay(month, day));
        }

        // Eight years either way always holds a leap year, so 2月29日 finds a candidate too.
        var candidates = Enumerable.Range(today.Year - 8, 17)
            .Where(year => IsValid(year, month, day))
            .Select(year => new DateOnly(year, month, day));
        return Parsed<DateOnly>.Ok(Pick(candidates, today, expectation));
    }

    private static Parsed<DateOnly> ReadDayOnly(Match match, DateOnly today, DateExpectation expectation)
    {
        var day = Number(match.Groups["d"]);
        if (day is < 1 or > 31)
        {
            return Parsed<DateOnly>.Invalid($"{day}日という日はありません。");
        }

        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var candidates = Enumerable.Range(-12, 25)
            .Select(thisMonth.AddMonths)
            .Where(month => day <= DateTime.DaysInMonth(month.Year, month.Month))
            .Select(month => new DateOnly(month.Year, month.Month, day))
            .ToList();

        // With no side to respect, a bare day means this month, as people say it.
        if (expectation == DateExpectation.Any && day <= DateTime.DaysInMonth(today.Year, today.Month))
        {
            return Parsed<DateOnly>.Ok(new DateOnly(today.Year, today.Month, day));
        }

        return Parsed<DateOnly>.Ok(Pick(candidates, today, expectation));
    }

    private static Parsed<DateOnly> ReadRelativeWeekday(Match match, DateOnly today, DateExpectation expectation)
    {
        var weeks = match.Groups["week"].Value switch
        {
            "来週" => 1,
            "再来週" => 2,
            "先週" => -1,
            _ => 0,
        };

        // Japanese calendars and speech start the week on Monday: 「今週の日曜」 is the coming Sunday.
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var index = WeekdayLetters.IndexOf(match.Groups["wd"].Value[0], StringComparison.Ordinal);
        return Parsed<DateOnly>.Ok(monday.AddDays((weeks * 7) + index));
    }

    private static Parsed<DateOnly> ReadNextWeekday(Match match, DateOnly today, DateExpectation expectation)
    {
        var index = WeekdayLetters.IndexOf(match.Groups["wd"].Value[0], StringComparison.Ordinal);
        var todayIndex = ((int)today.DayOfWeek + 6) % 7;

        // 「次の水曜」 said on a Wednesday means next week's, never today.
        var ahead = ((index - todayIndex + 6) % 7) + 1;
        return Parsed<DateOnly>.Ok(today.AddDays(ahead));
    }

    private static Parsed<DateOnly> ReadOffset(Match match, DateOnly today, DateExpectation expectation)
    {
        var amount = Number(match.Groups["n"]);
        if (match.Groups["dir"].Value == "前")
        {
            amount = -amount;
        }

        return Parsed<DateOnly>.Ok(match.Groups["unit"].Value switch
        {
            "日" => today.AddDays(amount),
            "週" or "週間" => today.AddDays(amount * 7),
            "年" => today.AddYears(amount),
            _ => today.AddMonths(amount),
        });
    }

    private static Parsed<DateOnly> ReadDayWord(Match match, DateOnly today, DateExpectation expectation) =>
        Parsed<DateOnly>.Ok(today.AddDays(match.Value switch
        {
            "一昨日" or "おととい" => -2,
            "昨日" or "きのう" => -1,
            "明日" or "あした" or "あす" => 1,
            "明後日" or "あさって" => 2,
            "明々後日" or "明明後日" or "しあさって" => 3,
            _ => 0,
        }));

    private static DateOnly Pick(IEnumerable<DateOnly> candidates, DateOnly today, DateExpectation expectation) =>
        expectation switch
        {
            DateExpectation.TodayOrFuture => candidates.Where(d => d >= today).Min(),
            DateExpectation.PastOrToday => candidates.Where(d => d <= today).Max(),

            // Nearest; on a tie the future one, as an intake is mostly about what comes next.
            _ => candidates.OrderBy(d => Math.Abs(d.DayNumber - today.DayNumber)).ThenByDescending(d => d).First(),
        };

    private static Parsed<DateOnly> Make(int year, int month, int day, string spokenYear)
    {
        if (IsValid(year, month, day))
        {
            return Parsed<DateOnly>.Ok(new DateOnly(year, month, day));
        }

        return month == 2 && day == 29
            ? Parsed<DateOnly>.Invalid($"{spokenYear}に2月29日はありません。")
            : Parsed<DateOnly>.Invalid(NoSuchDay(month, day));
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static string NoSuchDay(int month, int day) => $"{month}月{day}日という日はありません。";

    private static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:(?<era>令和|平成|昭和|大正|明治)|(?<![A-Za-z])(?<era>[RHSTMrhstm]))\s*(?<y>元|\d{1,2})\s*(?:年|[./-])\s*(?<m>\d{1,2})\s*(?:月|[./-])\s*(?<d>\d{1,2})(?!\d)(?:\s*日)?" + WeekdaySuffix)]
    private static partial Regex EraDate();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})\s*(?:年|[./-])\s*(?<m>\d{1,2})\s*(?:月|[./-])\s*(?<d>\d{1,2})(?!\d)(?:\s*日)?" + WeekdaySuffix)]
    private static partial Regex WesternDate();

    [GeneratedRegex(@"(?<![\d-])(?<y>(?:18|19|20)\d{2})(?<m>\d{2})(?<d>\d{2})(?![\d-])" + WeekdaySuffix)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"(?<![\d./-])\d{1,2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}(?!\d)(?:\s*日)?|(?<![\d./-])\d{1,2}[./]\d{1,2}[./]\d{1,2}(?![\d./-])")]
    private static partial Regex YearWithoutEra();

    [GeneratedRegex(@"(?<rel>今年|来年|再来年|去年|昨年|一昨年|おととし)\s*の?\s*(?<m>\d{1,2})\s*(?:月\s*の?|/)\s*(?<d>\d{1,2})(?!\d)(?:\s*日)?" + WeekdaySuffix)]
    private static partial Regex RelativeYearDate();

    [GeneratedRegex(@"(?<rel>今月|来月|再来月|先月|先々月)\s*の?\s*(?:(?<d>\d{1,2})\s*日|(?<end>末|終わり|おわり))" + WeekdaySuffix)]
    private static partial Regex RelativeMonthDate();

    [GeneratedRegex(@"(?<![\d./-])(?<m>\d{1,2})\s*月\s*の?\s*(?<d>\d{1,2})(?!\d)(?:\s*日)?" + WeekdaySuffix)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?<![\d./-])(?<m>\d{1,2})\s*/\s*(?<d>\d{1,2})(?![\d./-])(?:\s*日)?" + WeekdaySuffix)]
    private static partial Regex SlashMonthDay();

    [GeneratedRegex(@"(?<week>今週|来週|再来週|先週)\s*の?\s*(?<wd>[月火水木金土日])\s*曜日?")]
    private static partial Regex RelativeWeekday();

    [GeneratedRegex(@"(?<next>次|今度)\s*の\s*(?<wd>[月火水木金土日])\s*曜日?")]
    private static partial Regex NextWeekday();

    [GeneratedRegex(@"(?<!\d)(?<n>\d{1,3})\s*(?<unit>日|週間|週|か月|ヶ月|カ月|ヵ月|ケ月|箇月|年)\s*(?<dir>後|前|先)")]
    private static partial Regex Offset();

    [GeneratedRegex("一昨日|おととい|昨日|きのう|今日|本日|きょう(?!だい)|明々後日|明明後日|しあさって|明後日|あさって|明日|あした|あす")]
    private static partial Regex DayWord();

    [GeneratedRegex(@"(?<![\d./-])(?<d>\d{1,2})\s*日(?!\s*(?:後|前|先|間|目))" + WeekdaySuffix)]
    private static partial Regex DayOnly();

    [GeneratedRegex(@"(?<!\d)\d{1,2}\s*月(?!\s*\d)")]
    private static partial Regex MonthWithoutDay();

    [GeneratedRegex(@"(?:令和|平成|昭和|大正|明治)\s*(?:元|\d{1,2})\s*年|(?<!\d)\d{4}\s*年")]
    private static partial Regex YearWithoutMonth();

    [GeneratedRegex(@"(?<wd>[月火水木金土日])\s*曜")]
    private static partial Regex WeekdayAlone();

    private sealed record Rule(Regex Pattern, Func<Match, DateOnly, DateExpectation, Parsed<DateOnly>> Read);
}
