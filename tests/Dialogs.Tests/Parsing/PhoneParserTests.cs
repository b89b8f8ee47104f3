using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class PhoneParserTests
{
    private const string WrongLength = "電話番号の桁数が合いません。市外局番からもう一度教えてください。";

    [Theory]
    [InlineData("090-1234-5678", "090-1234-5678")]
    [InlineData("09012345678", "090-1234-5678")]
    [InlineData("０９０（１２３４）５６７８", "090-1234-5678")]
    [InlineData("０９０－１２３４－５６７８", "090-1234-5678")]
    [InlineData("携帯は090ー1234ー5678です", "090-1234-5678")]
    [InlineData("080 1234 5678", "080-1234-5678")]
    [InlineData("070-12-345678", "070-1234-5678")]
    [InlineData("050-1234-5678", "050-1234-5678")]
    [InlineData("+81 90 1234 5678", "090-1234-5678")]
    [InlineData("+81-90-1234-5678", "090-1234-5678")]
    [InlineData("+81 (0)90-1234-5678", "090-1234-5678")]
    [InlineData("+81 3 1234 5678", "03-1234-5678")]
    [InlineData("03-1234-5678", "03-1234-5678")]
    [InlineData("0312345678", "03-1234-5678")]
    [InlineData("06(1234)5678", "06-1234-5678")]
    [InlineData("045-123-4567", "045-123-4567")]
    [InlineData("0466-12-3456", "0466-12-3456")]
    [InlineData("自宅 045(123)4567", "045-123-4567")]
    [InlineData("0451234567", "0451234567")]
    [InlineData("0120-123-456", "0120-123-456")]
    [InlineData("0120123456", "0120-123-456")]
    [InlineData("0570-123-456", "0570-123-456")]
    [InlineData("0800-123-4567", "0800-123-4567")]
    [InlineData("090-1234-5678 (内線12)", "090-1234-5678")]
    public void Japanese_phone_numbers_come_back_hyphenated(string text, string expected)
    {
        var parsed = AnswerParsers.Phone(text);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("090-1234-567", WrongLength)]
    [InlineData("090-1234-56789", WrongLength)]
    [InlineData("0901234567", WrongLength)]
    [InlineData("1234-5678", WrongLength)]
    [InlineData("123", WrongLength)]
    [InlineData("12345678901", "電話番号は0から始まる番号で教えてください。")]
    [InlineData("0012345678", "電話番号は0から始まる番号で教えてください。")]
    [InlineData("+1 212 555 0100", "日本の電話番号を教えてください。")]
    [InlineData("携帯090-1234-5678、自宅03-1234-5678", "電話番号を一つだけ教えてください。")]
    [InlineData("電話はありません", "電話番号を数字で教えてください。")]
    public void Numbers_that_cannot_be_dialled_in_Japan_are_invalid(string text, string problem)
    {
        var parsed = AnswerParsers.Phone(text);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(problem, parsed.Problem);
    }

    [Theory]
    [InlineData("わからない")]
    [InlineData("番号は不明です")]
    public void Not_knowing_the_number_is_unknown(string text)
    {
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.Phone(text).Outcome);
    }
}
