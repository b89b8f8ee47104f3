using System.Globalization;
using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class AgeParserTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 11, 25);

    private const string ExactAgeProblem = "おおよそではなく、正確な年齢か生年月日を教えてください。";

    [Theory]
    [InlineData("72歳", 72)]
    [InlineData("72", 72)]
    [InlineData("７２さい", 72)]
    [InlineData("七十二歳", 72)]
    [InlineData("七十二", 72)]
    [InlineData("満72歳", 72)]
    [InlineData("本人は72歳です", 72)]
    [InlineData("72才です。", 72)]
    [InlineData("年齢は72です", 72)]
    [InlineData("0歳", 0)]
    [InlineData("120", 120)]
    [InlineData("百歳", 100)]
    [InlineData("٧٢", 72)]
    public void Exact_ages_in_digits_or_kanji_are_parsed(string text, int expected)
    {
        var parsed = AnswerParsers.Age(text, Today);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(new AgeAnswer(expected, null), parsed.Value);
    }

    [Theory]
    [InlineData("昭和28年5月1日生まれ", 73, "1953-05-01")]
    [InlineData("1953年5月1日", 73, "1953-05-01")]
    [InlineData("S28.11.26", 72, "1953-11-26")]
    [InlineData("1953/11/25", 73, "1953-11-25")]
    [InlineData("平成元年1月8日生まれです", 37, "1989-01-08")]
    [InlineData("昭和二十八年五月一日生", 73, "1953-05-01")]
    [InlineData("73歳、昭和28年5月1日生まれ", 73, "1953-05-01")]
    [InlineData("令和元年5月1日", 7, "2019-05-01")]
    public void Birth_dates_give_the_age_on_today(string text, int age, string birth)
    {
        var parsed = AnswerParsers.Age(text, Today);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(age, parsed.Value.Age);
        Assert.Equal(DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture), parsed.Value.BirthDate);
    }

    [Theory]
    [InlineData("70代", ExactAgeProblem)]
    [InlineData("七十代です", ExactAgeProblem)]
    [InlineData("70くらい", ExactAgeProblem)]
    [InlineData("70歳前後", ExactAgeProblem)]
    [InlineData("だいたい70", ExactAgeProblem)]
    [InlineData("72か73", ExactAgeProblem)]
    [InlineData("今年73歳になる", ExactAgeProblem)]
    [InlineData("121歳", "年齢は0〜120歳の範囲で教えてください。")]
    [InlineData("5月1日生まれ", "生まれた年も教えてください。")]
    [InlineData("昭和28年生まれ", "生まれた月日か、正確な年齢も教えてください。")]
    [InlineData("1953", "生まれた月日か、正確な年齢も教えてください。")]
    [InlineData("昭和28年2月30日生まれ", "2月30日という日はありません。")]
    [InlineData("72歳、昭和28年5月1日生まれ", "年齢と生年月日が合わないようです。もう一度教えてください。")]
    [InlineData("2027年1月1日生まれ", "これからの日付になっています。今日までの日付を教えてください。")]
    [InlineData("数え73", "満年齢か生年月日を教えてください。")]
    public void Vague_impossible_or_contradicting_ages_are_invalid_with_a_reason(string text, string problem)
    {
        var parsed = AnswerParsers.Age(text, Today);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(problem, parsed.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("元気です")]
    [InlineData("72人")]
    [InlineData("身長は160cmくらいの72キロ")]
    public void Text_without_an_age_is_invalid(string text)
    {
        Assert.Equal(ParseOutcome.Invalid, AnswerParsers.Age(text, Today).Outcome);
    }

    [Theory]
    [InlineData("わかりません")]
    [InlineData("年齢は不明")]
    [InlineData("知らない")]
    public void Not_knowing_the_age_is_unknown(string text)
    {
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.Age(text, Today).Outcome);
    }
}
