using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class JapaneseTextTests
{
    [Theory]
    [InlineData("　１２月３日　", "12月3日")]
    [InlineData("ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｊｐ", "TARO@example.jp")]
    [InlineData("ｵｯｹｰ", "オッケー")]
    [InlineData("大阪府 \t  堺市", "大阪府 堺市")]
    [InlineData("０９０（１２３４）５６７８", "090(1234)5678")]
    [InlineData("①", "1")]
    [InlineData("٧٢", "72")]
    [InlineData("७२ 歳", "72 歳")]
    [InlineData("   ", "")]
    public void Full_width_and_spacing_are_folded(string text, string expected)
    {
        Assert.Equal(expected, JapaneseText.Normalize(text));
    }

    [Theory]
    [InlineData("　１２月３日　")]
    [InlineData("ｵｯｹｰ  ＯＫ")]
    [InlineData("\u00A8 ¨ ﾞ")]
    [InlineData("٧٢ 歳　①②")]
    [InlineData("㍻元年\u3000㈱")]
    [InlineData("a\uD800b")]
    public void Normalising_twice_changes_nothing(string text)
    {
        // The last result is handed out again for its own normal form, which is only right if
        // normalising is idempotent.
        var once = JapaneseText.Normalize(text);
        JapaneseText.Normalize("別の文");

        Assert.Equal(once, JapaneseText.Normalize(once));
        Assert.Equal(once, JapaneseText.Normalize(new string(text.AsSpan())));
    }

    [Fact]
    public void Null_text_normalises_to_empty()
    {
        Assert.Equal(string.Empty, JapaneseText.Normalize(null));
    }

    [Theory]
    [InlineData("090ー1234ー5678", "090-1234-5678")]
    [InlineData("03−1234−5678", "03-1234-5678")]
    [InlineData("2026‐12‐03", "2026-12-03")]
    [InlineData("オッケー", "オッケー")]
    [InlineData("メール1ー", "メール1ー")]
    public void Dash_look_alikes_between_digits_become_hyphens(string normalized, string expected)
    {
        Assert.Equal(expected, JapaneseText.FoldDashes(normalized));
    }
}
