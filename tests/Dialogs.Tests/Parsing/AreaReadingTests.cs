using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

/// <summary>Places typed in kana, or without 市/県, are read like their kanji.</summary>
public sealed class AreaReadingTests
{
    [Theory]
    [InlineData("よこはま", "神奈川県", "横浜市")]
    [InlineData("横浜", "神奈川県", "横浜市")]
    [InlineData("よこはまし", "神奈川県", "横浜市")]
    [InlineData("かながわけん よこはまし", "神奈川県", "横浜市")]
    [InlineData("よこはまに すみたい", "神奈川県", "横浜市")]
    [InlineData("とうきょうと", "東京都", null)]
    [InlineData("おおさかふ", "大阪府", null)]
    [InlineData("さっぽろ", "北海道", "札幌市")]
    [InlineData("なごや", "愛知県", "名古屋市")]
    [InlineData("さいたま", "埼玉県", "さいたま市")]
    [InlineData("なら", "奈良県", null)]
    [InlineData("みえけん", "三重県", null)]
    [InlineData("なは", "沖縄県", "那覇市")]
    [InlineData("はちおうじ", "東京都", "八王子市")]
    [InlineData("東京都府中市", "東京都", "府中市")]
    [InlineData("広島県府中市", "広島県", "府中市")]
    public void A_place_in_kana_or_without_its_suffix_is_found(string text, string prefecture, string? city)
    {
        var parsed = AnswerParsers.Area(text);

        Assert.True(parsed.IsValue, $"{text}: {parsed.Problem}");
        Assert.Equal(new Area(prefecture, city), parsed.Value);
    }

    [Theory]
    [InlineData("府中")]
    [InlineData("ふちゅう")]
    [InlineData("府中市")]
    public void A_bare_city_name_of_two_prefectures_has_both_as_candidates(string text)
    {
        Assert.Equal([new Area("東京都", "府中市"), new Area("広島県", "府中市")], AnswerParsers.AreaCandidates(text));
    }

    [Fact]
    public void Every_prefecture_has_a_kana_reading()
    {
        string[] kana =
        [
            "ほっかいどう", "あおもり", "いわて", "みやぎ", "あきた", "やまがた", "ふくしま", "いばらき", "とちぎ", "ぐんま",
            "さいたまけん", "ちば", "とうきょう", "かながわ", "にいがた", "とやま", "いしかわ", "ふくい", "やまなし", "ながの",
            "ぎふ", "しずおか", "あいち", "みえ", "しが", "きょうと", "おおさか", "ひょうご", "なら", "わかやま", "とっとり",
            "しまね", "おかやま", "ひろしま", "やまぐち", "とくしま", "かがわ", "えひめ", "こうち", "ふくおか", "さが",
            "ながさき", "くまもと", "おおいた", "みやざき", "かごしま", "おきなわ",
        ];

        var found = kana.Select(k => AnswerParsers.Area(k)).Where(p => p.IsValue).Select(p => p.Value!.Prefecture).Distinct().Count();

        Assert.Equal(47, found);
    }
}
