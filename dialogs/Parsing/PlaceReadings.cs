using System.Text;
using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Kana readings of the prefectures, the designated cities, the prefectural capitals and other
/// large cities, so that 「よこはま」「とうきょうと」「かながわけん よこはまし」 are read like their
/// kanji. A reading of three kana or fewer (「なら」「みえ」「しが」) is a common word as well, so it
/// counts only as the whole answer or before a suffix (県・けん・市・し・府・都).
/// </summary>
internal static partial class PlaceReadings
{
    private static readonly (string Kana, string Kanji)[] Readings =
    [
        ("ほっかいどう", "北海道"), ("あおもり", "青森"), ("いわて", "岩手"), ("みやぎ", "宮城"), ("あきた", "秋田"),
        ("やまがた", "山形"), ("ふくしま", "福島"), ("いばらき", "茨城"), ("とちぎ", "栃木"), ("ぐんま", "群馬"),
        ("さいたまけん", "埼玉県"), ("ちば", "千葉"), ("とうきょう", "東京"), ("かながわ", "神奈川"), ("にいがた", "新潟"),
        ("とやま", "富山"), ("いしかわ", "石川"), ("ふくい", "福井"), ("やまなし", "山梨"), ("ながの", "長野"),
        ("ぎふ", "岐阜"), ("しずおか", "静岡"), ("あいち", "愛知"), ("みえ", "三重"), ("しが", "滋賀"),
        ("きょうと", "京都"), ("おおさか", "大阪"), ("ひょうご", "兵庫"), ("なら", "奈良"), ("わかやま", "和歌山"),
        ("とっとり", "鳥取"), ("しまね", "島根"), ("おかやま", "岡山"), ("ひろしま", "広島"), ("やまぐち", "山口"),
        ("とくしま", "徳島"), ("かがわ", "香川"), ("えひめ", "愛媛"), ("こうち", "高知"), ("ふくおか", "福岡"),
        ("さが", "佐賀"), ("ながさき", "長崎"), ("くまもと", "熊本"), ("おおいた", "大分"), ("みやざき", "宮崎"),
        ("かごしま", "鹿児島"), ("おきなわ", "沖縄"),

        ("さっぽろ", "札幌"), ("せんだい", "仙台"), ("かわさき", "川崎"), ("よこはま", "横浜"), ("さがみはら", "相模原"),
        ("はままつ", "浜松"), ("なごや", "名古屋"), ("さかい", "堺"), ("こうべ", "神戸"), ("きたきゅうしゅう", "北九州"),

        ("もりおか", "盛岡"), ("みと", "水戸"), ("うつのみや", "宇都宮"), ("まえばし", "前橋"), ("かなざわ", "金沢"),
        ("こうふ", "甲府"), ("おおつ", "大津"), ("まつえ", "松江"), ("たかまつ", "高松"), ("まつやま", "松山"), ("なは", "那覇"),

        ("あさひかわ", "旭川"), ("はこだて", "函館"), ("こおりやま", "郡山"), ("たかさき", "高崎"), ("かわごえ", "川越"),
        ("ふなばし", "船橋"), ("かしわ", "柏"), ("はちおうじ", "八王子"), ("まちだ", "町田"), ("ふじさわ", "藤沢"),
        ("よこすか", "横須賀"), ("とよた", "豊田"), ("おかざき", "岡崎"), ("とよはし", "豊橋"), ("ひめじ", "姫路"),
        ("にしのみや", "西宮"), ("あまがさき", "尼崎"), ("くらしき", "倉敷"), ("ふくやま", "福山"), ("しものせき", "下関"),
        ("くるめ", "久留米"), ("させぼ", "佐世保"), ("ながおか", "長岡"), ("ふちゅう", "府中"), ("だて", "伊達"),
    ];

    private static readonly Regex Pattern = Build();

    private static readonly Dictionary<string, string> KanjiOf = Readings.ToDictionary(r => r.Kana, r => r.Kanji);

    /// <summary>The text with every kana place reading (and its kana suffix) in kanji.</summary>
    public static string ToKanji(string normalized) =>
        Pattern.Replace(normalized, m =>
        {
            var name = KanjiOf[m.Groups["name"].Value];
            var suffix = m.Groups["suffix"].Value switch
            {
                "けん" => "県",
                "し" => "市",
                "ふ" => "府",
                "と" when name == "東京" => "都",
                "く" => "区",
                var other => other,
            };
            return name + suffix;
        });

    private static Regex Build()
    {
        var longOnes = Readings.Where(r => r.Kana.Length > 3).Select(r => Regex.Escape(r.Kana)).OrderByDescending(k => k.Length);
        var shortOnes = Readings.Where(r => r.Kana.Length <= 3).Select(r => Regex.Escape(r.Kana)).OrderByDescending(k => k.Length);
        var pattern = new StringBuilder()
            .Append(@"(?<!\p{IsHiragana})(?:")
            .Append("(?<name>").Append(string.Join("|", longOnes)).Append(@")(?<suffix>けん|し(?!\p{IsHiragana})|ふ(?!\p{IsHiragana})|と(?=\s|$)|県|市|府|都)?")
            .Append("|(?<name>").Append(string.Join("|", shortOnes)).Append(@")(?<suffix>けん|し|ふ|県|市|府|(?=\s?(?:です|に|へ|で|$|\s)))")
            .Append(')')
            .ToString();
        return new Regex(pattern, RegexOptions.CultureInvariant);
    }
}
