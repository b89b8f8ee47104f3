using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class JapaneseNumberTests
{
    [Theory]
    [InlineData("七十二", 72)]
    [InlineData("二十", 20)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("百", 100)]
    [InlineData("百五", 105)]
    [InlineData("千九百五十三", 1953)]
    [InlineData("一九五三", 1953)]
    [InlineData("七二", 72)]
    [InlineData("三", 3)]
    [InlineData("〇", 0)]
    public void Kanji_numerals_are_read(string kanji, int expected)
    {
        Assert.True(JapaneseNumber.TryParse(kanji, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("十百")]
    [InlineData("七七十")]
    [InlineData("一二三四五")]
    [InlineData("")]
    public void Malformed_kanji_numerals_are_refused(string kanji)
    {
        Assert.False(JapaneseNumber.TryParse(kanji, out _));
    }

    [Theory]
    [InlineData("十二月三日", "12月3日")]
    [InlineData("二十日", "20日")]
    [InlineData("一昨日", "一昨日")]
    [InlineData("二週間後", "2週間後")]
    [InlineData("昭和二十八年", "昭和28年")]
    public void Only_numerals_before_date_units_are_replaced(string text, string expected)
    {
        Assert.Equal(expected, JapaneseNumber.ReplaceBeforeDateUnits(text));
    }
}
