using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class EmailParserTests
{
    private const string BadShape = "メールアドレスの形が正しくないようです。もう一度教えてください。";

    [Theory]
    [InlineData("taro@example.jp", "taro@example.jp")]
    [InlineData("メールは taro@example.jp です", "taro@example.jp")]
    [InlineData("メールはtaro@example.jpです", "taro@example.jp")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp")]
    [InlineData("taro＠example.jp", "taro@example.jp")]
    [InlineData("Taro.Yamada@Example.CO.JP", "Taro.Yamada@example.co.jp")]
    [InlineData("taro+intake@mail.example.com", "taro+intake@mail.example.com")]
    [InlineData("taro..yamada.@docomo.ne.jp", "taro..yamada.@docomo.ne.jp")]
    [InlineData("メール:hanako_1960@ezweb.ne.jpです", "hanako_1960@ezweb.ne.jp")]
    [InlineData("taro@example.jp。", "taro@example.jp")]
    [InlineData("（taro@example.jp）", "taro@example.jp")]
    [InlineData("sien-center@pref.osaka-fu.lg.jp", "sien-center@pref.osaka-fu.lg.jp")]
    public void An_address_is_found_and_its_domain_lower_cased(string text, string expected)
    {
        var parsed = AnswerParsers.Email(text);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("taro@example", BadShape)]
    [InlineData("taro@@example.jp", BadShape)]
    [InlineData("@example.jp", BadShape)]
    [InlineData("taro@example.j", BadShape)]
    [InlineData("taro@-example.jp", BadShape)]
    [InlineData(".taro@example.jp", BadShape)]
    [InlineData("taro@exa mple.jp", BadShape)]
    [InlineData("taroexample.jp", "メールアドレスを「@」も含めて教えてください。")]
    [InlineData("a@b.jp と c@d.jp", "メールアドレスを一つだけ教えてください。")]
    public void Malformed_or_several_addresses_are_invalid(string text, string problem)
    {
        var parsed = AnswerParsers.Email(text);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(problem, parsed.Problem);
    }

    [Fact]
    public void Empty_text_is_invalid()
    {
        Assert.Equal(ParseOutcome.Invalid, AnswerParsers.Email("").Outcome);
    }

    [Theory]
    [InlineData("メールアドレスはわかりません")]
    [InlineData("不明")]
    public void Not_knowing_the_address_is_unknown(string text)
    {
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.Email(text).Outcome);
    }
}
