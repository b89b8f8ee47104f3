using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Tests.Parsing;

public class AreaParserTests
{
    private const string AskPrefectureOfCity = "都道府県名も教えてください（例：静岡県富士市）。";

    [Theory]
    [InlineData("大阪府", "大阪府", null)]
    [InlineData("大阪", "大阪府", null)]
    [InlineData("東京", "東京都", null)]
    [InlineData("東京都", "東京都", null)]
    [InlineData("東京都内です", "東京都", null)]
    [InlineData("北海道", "北海道", null)]
    [InlineData("京都", "京都府", null)]
    [InlineData("京都市", "京都府", "京都市")]
    [InlineData("京都府京都市左京区", "京都府", "京都市")]
    [InlineData("東京都新宿区", "東京都", "新宿区")]
    [InlineData("神奈川県横浜市", "神奈川県", "横浜市")]
    [InlineData("神奈川県横浜市中区です", "神奈川県", "横浜市")]
    [InlineData("大阪市福島区", "大阪府", "大阪市")]
    [InlineData("埼玉県さいたま市", "埼玉県", "さいたま市")]
    [InlineData("三重県四日市市", "三重県", "四日市市")]
    [InlineData("新潟県十日町市", "新潟県", "十日町市")]
    [InlineData("大阪府の堺市", "大阪府", "堺市")]
    [InlineData("静岡 浜松市", "静岡県", "浜松市")]
    [InlineData("北海道上川郡東川町", "北海道", "上川郡東川町")]
    [InlineData("福岡県に住んでいます", "福岡県", null)]
    [InlineData("広島駅の近く", "広島県", null)]
    public void A_prefecture_and_the_municipality_after_it_are_found(string text, string prefecture, string? city)
    {
        var parsed = AnswerParsers.Area(text);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(new Area(prefecture, city), parsed.Value);
    }

    [Theory]
    [InlineData("横浜市", "神奈川県", "横浜市")]
    [InlineData("横浜市港北区に住んでいます", "神奈川県", "横浜市")]
    [InlineData("堺市", "大阪府", "堺市")]
    [InlineData("大津市", "滋賀県", "大津市")]
    [InlineData("那覇市", "沖縄県", "那覇市")]
    [InlineData("さいたま市", "埼玉県", "さいたま市")]
    [InlineData("札幌市中央区", "北海道", "札幌市")]
    public void A_designated_city_or_capital_alone_names_its_prefecture(string text, string prefecture, string city)
    {
        var parsed = AnswerParsers.Area(text);

        Assert.Equal(ParseOutcome.Value, parsed.Outcome);
        Assert.Equal(new Area(prefecture, city), parsed.Value);
    }

    [Theory]
    [InlineData("富士市", AskPrefectureOfCity)]
    [InlineData("中津市", AskPrefectureOfCity)]
    [InlineData("東広島市", AskPrefectureOfCity)]
    [InlineData("福島区", AskPrefectureOfCity)]
    [InlineData("大阪か京都", "都道府県を一つだけ教えてください。")]
    [InlineData("大阪府横浜市", "横浜市は神奈川県です。都道府県と市区町村をもう一度教えてください。")]
    [InlineData("神奈川県大阪市", "大阪市は大阪府です。都道府県と市区町村をもう一度教えてください。")]
    [InlineData("海外", "都道府県名を教えてください（例：大阪府、東京都）。")]
    [InlineData("住所不定", "都道府県名を教えてください（例：大阪府、東京都）。")]
    public void Places_without_a_certain_prefecture_are_invalid(string text, string problem)
    {
        var parsed = AnswerParsers.Area(text);

        Assert.Equal(ParseOutcome.Invalid, parsed.Outcome);
        Assert.Equal(problem, parsed.Problem);
    }

    [Fact]
    public void Empty_text_is_invalid()
    {
        Assert.Equal(ParseOutcome.Invalid, AnswerParsers.Area("").Outcome);
    }

    [Theory]
    [InlineData("わからない")]
    [InlineData("住所は不明です")]
    public void Not_knowing_the_place_is_unknown(string text)
    {
        Assert.Equal(ParseOutcome.Unknown, AnswerParsers.Area(text).Outcome);
    }
}
