using System.Globalization;
using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class DateParserTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("12月3日", "2026-12-03")]
    [InlineData("12/3", "2026-12-03")]
    [InlineData("2026/12/3", "2026-12-03")]
    [InlineData("2026-12-03", "2026-12-03")]
    [InlineData("2026年12月3日", "2026-12-03")]
    [InlineData("２０２６年１２月３日", "2026-12-03")]
    [InlineData("2026ー12ー03", "2026-12-03")]
    [InlineData("20261203", "2026-12-03")]
    [InlineData("出所は12月3日です", "2026-12-03")]
    [InlineData("12月3日の予定", "2026-12-03")]
    [InlineData("十二月三日", "2026-12-03")]
    [InlineData("１２月３日（木）", "2026-12-03")]
    [InlineData("12月3日木曜日", "2026-12-03")]
    [InlineData("12月3日、木曜日です", "2026-12-03")]
    [InlineData("1月10日", "2027-01-10")]
    [InlineData("11月25日", "2026-11-25")]
    [InlineData("来年の3月1日", "2027-03-01")]
    public void Calendar_dates_for_a_coming_event_are_parsed(string text, string expected)
    {
        var parsed = AnswerParsers.Date(text, Today, DateExpectation.TodayOrFuture);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(Day(expected), parsed.Value);
    }

    [Theory]
    [InlineData("令和8年12月3日", "2026-12-03")]
    [InlineData("令和８年１２月３日", "2026-12-03")]
    [InlineData("R8.12.3", "2026-12-03")]
    [InlineData("R8/12/3", "2026-12-03")]
    [InlineData("r8.12.3", "2026-12-03")]
    [InlineData("令和8年12/3", "2026-12-03")]
    [InlineData("Ｒ８．１２．３", "2026-12-03")]
    public void Reiwa_dates_with_any_digits_are_parsed(string text, string expected)
    {
        var parsed = AnswerParsers.Date(text, Today, DateExpectation.TodayOrFuture);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(Day(expected), parsed.Value);
    }

    [Theory]
    [InlineData("昭和28年5月1日", "1953-05-01")]
    [InlineData("S28.5.1", "1953-05-01")]
    [InlineData("昭和二十八年五月一日", "1953-05-01")]
    [InlineData("平成元年1月8日", "1989-01-08")]
    [InlineData("平成31年4月30日", "2019-04-30")]
    [InlineData("令和元年5月1日", "2019-05-01")]
    [InlineData("H2.3.4", "1990-03-04")]
    [InlineData("大正15年1月1日", "1926-01-01")]
    [InlineData("1953年5月1日生まれ", "1953-05-01")]
    public void Birth_dates_in_older_eras_are_parsed(string text, string expected)
    {
        var parsed = AnswerParsers.Date(text, Today, DateExpectation.PastOrToday);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(Day(expected), parsed.Value);
    }

    [Theory]
    [InlineData("今日", "2026-11-25")]
    [InlineData("本日です", "2026-11-25")]
    [InlineData("明日", "2026-11-26")]
    [InlineData("あした", "2026-11-26")]
    [InlineData("明後日", "2026-11-27")]
    [InlineData("あさって", "2026-11-27")]
    [InlineData("しあさって", "2026-11-28")]
    [InlineData("3日後", "2026-11-28")]
    [InlineData("三日後", "2026-11-28")]
    [InlineData("2週間後", "2026-12-09")]
    [InlineData("1ヶ月後", "2026-12-25")]
    [InlineData("来週の月曜", "2026-11-30")]
    [InlineData("来週月曜日", "2026-11-30")]
    [InlineData("来週の日曜日", "2026-12-06")]
    [InlineData("今週の金曜", "2026-11-27")]
    [InlineData("次の水曜日", "2026-12-02")]
    [InlineData("来月5日", "2026-12-05")]
    [InlineData("来月の5日", "2026-12-05")]
    [InlineData("今月30日", "2026-11-30")]
    [InlineData("来月末", "2026-12-31")]
    [InlineData("二十日", "2026-12-20")]
    [InlineData("5日", "2026-12-05")]
    [InlineData("25日", "2026-11-25")]
    [InlineData("30日に出ます", "2026-11-30")]
    public void Relative_and_day_only_dates_count_from_today_forward(string text, string expected)
    {
        var parsed = AnswerParsers.Date(text, Today, DateExpectation.TodayOrFuture);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(Day(expected), parsed.Value);
    }

    [Theory]
    [InlineData("昨日", "2026-11-24")]
    [InlineData("きのう", "2026-11-24")]
    [InlineData("一昨日", "2026-11-23")]
    [InlineData("おととい", "2026-11-23")]
    [InlineData("3日前", "2026-11-22")]
    [InlineData("先週の金曜", "2026-11-20")]
    [InlineData("12月3日", "2025-12-03")]
    [InlineData("12/3", "2025-12-03")]
    [InlineData("11月25日", "2026-11-25")]
    [InlineData("5日", "2026-11-05")]
    [InlineData("30日", "2026-10-30")]
    [InlineData("2月29日", "2024-02-29")]
    [InlineData("先月の10日", "2026-10-10")]
    public void Dates_without_a_year_fall_on_the_past_side_when_asked_for(string text, string expected)
    {
        var parsed = AnswerParsers.Date(text, Today, DateExpectation.PastOrToday);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(Day(expected), parsed.Value);
    }

    [Theory]
    [InlineData("12月3日", "2026-12-03")]
    [InlineData("1月5日", "2027-01-05")]
    [InlineData("10月1日", "2026-10-01")]
    [InlineData("5日", "2026-11-05")]
    [InlineData("31日", "2026-10-31")]
    public void Dates_without_a_year_take_the_nearest_when_either_side_will_do(string text, string expected)
    {
        var parsed = AnswerParsers.Date(text, Today, DateExpectation.Any);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(Day(expected), parsed.Value);
    }

    [Theory]
    [InlineData("2月30日", DateExpectation.Any, "2月30日という日はありません。")]
    [InlineData("13月1日", DateExpectation.Any, "13月1日という日はありません。")]
    [InlineData("2026年4月31日", DateExpectation.Any, "4月31日という日はありません。")]
    [InlineData("32日", DateExpectation.Any, "32日という日はありません。")]
    [InlineData("令和8年2月29日", DateExpectation.Any, "令和8年に2月29日はありません。")]
    [InlineData("平成31年5月1日", DateExpectation.Any, "平成は2019年4月30日までです。")]
    [InlineData("令和元年4月1日", DateExpectation.Any, "令和は2019年5月1日からです。")]
    [InlineData("2025年12月3日", DateExpectation.TodayOrFuture, "過去の日付になっています。これからの予定日を教えてください。")]
    [InlineData("昨日", DateExpectation.TodayOrFuture, "過去の日付になっています。これからの予定日を教えてください。")]
    [InlineData("2027年1月1日", DateExpectation.PastOrToday, "これからの日付になっています。今日までの日付を教えてください。")]
    [InlineData("明日", DateExpectation.PastOrToday, "これからの日付になっています。今日までの日付を教えてください。")]
    [InlineData("1900年1月1日", DateExpectation.PastOrToday, "1900年は昔すぎるようです。もう一度教えてください。")]
    [InlineData("2040年1月1日", DateExpectation.TodayOrFuture, "2040年は先すぎるようです。もう一度教えてください。")]
    [InlineData("12月3日か4日", DateExpectation.TodayOrFuture, "日付が二つ以上あります。一つだけ教えてください。")]
    [InlineData("12月3日(水)", DateExpectation.TodayOrFuture, "2026年12月3日は木曜日です。日付をもう一度教えてください。")]
    [InlineData("12月3日、水曜日です", DateExpectation.TodayOrFuture, "2026年12月3日は木曜日です。日付をもう一度教えてください。")]
    [InlineData("来週の月曜日か火曜日", DateExpectation.TodayOrFuture, "2026年11月30日は月曜日です。日付をもう一度教えてください。")]
    [InlineData("28年5月1日", DateExpectation.PastOrToday, "何年かを、西暦か元号（昭和・平成・令和など）で教えてください。")]
    [InlineData("12月ごろ", DateExpectation.TodayOrFuture, "何日かも教えてください。")]
    [InlineData("昭和28年", DateExpectation.PastOrToday, "何月何日かも教えてください。")]
    [InlineData("金曜日", DateExpectation.TodayOrFuture, "何月何日か教えてください。")]
    public void Impossible_or_misplaced_dates_are_invalid_with_a_reason(string text, DateExpectation expectation, string problem)
    {
        var parsed = AnswerParsers.Date(text, Today, expectation);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(problem, parsed.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("はい")]
    [InlineData("そのうち")]
    [InlineData("来月")]
    [InlineData("1203")]
    [InlineData("3日間")]
    public void Text_without_a_date_is_invalid(string text)
    {
        var parsed = AnswerParsers.Date(text, Today, DateExpectation.TodayOrFuture);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Null(parsed.Problem);
    }

    [Theory]
    [InlineData("わからない")]
    [InlineData("まだ分かりません")]
    [InlineData("日付は不明です")]
    [InlineData("知らない")]
    public void Not_knowing_the_date_is_unknown(string text)
    {
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.Date(text, Today, DateExpectation.TodayOrFuture).Outcome);
    }
}
