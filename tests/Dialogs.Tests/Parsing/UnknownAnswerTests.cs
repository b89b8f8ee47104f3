using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class UnknownAnswerTests
{
    [Theory]
    [InlineData("わからない")]
    [InlineData("分からない")]
    [InlineData("わかりません")]
    [InlineData("不明")]
    [InlineData("知らない")]
    [InlineData("わかんない")]
    [InlineData("ちょっとわからないです")]
    [InlineData("すみません、分かりません。")]
    [InlineData("出所日は不明です")]
    [InlineData("覚えていません")]
    [InlineData("知りません")]
    public void Saying_you_do_not_know_is_unknown(string text)
    {
        Assert.True(AnswerParsers.IsUnknown(text));
    }

    [Theory]
    [InlineData("わかります")]
    [InlineData("知っています")]
    [InlineData("わからないわけではない")]
    [InlineData("知らないことはないです")]
    [InlineData("兄は行方不明です")]
    [InlineData("12月3日")]
    [InlineData("はい")]
    [InlineData("")]
    public void Other_answers_are_not_unknown(string text)
    {
        Assert.False(AnswerParsers.IsUnknown(text));
    }
}
