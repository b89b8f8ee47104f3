using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class YesNoParserTests
{
    private const string AskAgain = "「はい」か「いいえ」でお答えください。";

    [Theory]
    [InlineData("はい")]
    [InlineData("うん")]
    [InlineData("ええ")]
    [InlineData("そうです")]
    [InlineData("そう")]
    [InlineData("知っています")]
    [InlineData("知ってる")]
    [InlineData("同意します")]
    [InlineData("同意する")]
    [InlineData("いる")]
    [InlineData("ある")]
    [InlineData("あります")]
    [InlineData("います")]
    [InlineData("OK")]
    [InlineData("ｏｋ")]
    [InlineData("オッケー")]
    [InlineData("大丈夫です")]
    [InlineData("お願いします")]
    [InlineData("はい、います")]
    [InlineData("母はいます")]
    [InlineData("はい、ございます")]
    [InlineData("問題ないです")]
    public void Colloquial_yes_is_yes(string text)
    {
        var parsed = AnswerParsers.YesNo(text);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.True(parsed.Value);
    }

    [Theory]
    [InlineData("いいえ")]
    [InlineData("いや")]
    [InlineData("ううん")]
    [InlineData("違います")]
    [InlineData("ちがう")]
    [InlineData("ない")]
    [InlineData("ありません")]
    [InlineData("いません")]
    [InlineData("同意しない")]
    [InlineData("同意しません")]
    [InlineData("しません")]
    [InlineData("母はいない")]
    [InlineData("いいえ、いません。")]
    [InlineData("いないです")]
    [InlineData("大丈夫じゃない")]
    [InlineData("そうじゃないです")]
    public void Colloquial_no_is_no(string text)
    {
        var parsed = AnswerParsers.YesNo(text);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.False(parsed.Value);
    }

    [Theory]
    [InlineData("ないわけではない")]
    [InlineData("いないこともない")]
    [InlineData("なくはないです")]
    [InlineData("はい、いいえ")]
    [InlineData("うん、でもいない")]
    [InlineData("いるかもしれない")]
    [InlineData("どちらとも言えない")]
    [InlineData("はい？")]
    [InlineData("ありがとうございます")]
    [InlineData("いいです")]
    [InlineData("どうしよう")]
    public void Ambiguous_answers_are_invalid_instead_of_guessed(string text)
    {
        var parsed = AnswerParsers.YesNo(text);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(AskAgain, parsed.Problem);
    }

    [Fact]
    public void Empty_text_is_invalid()
    {
        Assert.Equal(ParseOutcome.Invalid, AnswerParsers.YesNo("  ").Outcome);
    }

    [Theory]
    [InlineData("知らない")]
    [InlineData("わからない")]
    [InlineData("分かりません")]
    [InlineData("不明です")]
    public void Not_knowing_is_unknown_not_no(string text)
    {
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.YesNo(text).Outcome);
    }
}
