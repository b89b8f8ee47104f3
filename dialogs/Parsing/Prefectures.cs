namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// The 47 prefectures, and the cities people name without their prefecture: the 20 designated
/// cities and the prefectural capitals whose name differs from their prefecture's.
/// </summary>
internal static class Prefectures
{
    /// <summary>Full names in the official order (JIS X 0401).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
        "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
        "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
        "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
        "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
        "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
        "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ];

    /// <summary>
    /// Cities that name their prefecture unambiguously. A capital that shares its prefecture's
    /// name (「大阪市」「千葉市」) is not listed: the short prefecture name already finds it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WellKnownCities { get; } = new Dictionary<string, string>
    {
        ["札幌市"] = "北海道",
        ["盛岡市"] = "岩手県",
        ["仙台市"] = "宮城県",
        ["水戸市"] = "茨城県",
        ["宇都宮市"] = "栃木県",
        ["前橋市"] = "群馬県",
        ["さいたま市"] = "埼玉県",
        ["川崎市"] = "神奈川県",
        ["横浜市"] = "神奈川県",
        ["相模原市"] = "神奈川県",
        ["金沢市"] = "石川県",
        ["甲府市"] = "山梨県",
        ["浜松市"] = "静岡県",
        ["名古屋市"] = "愛知県",
        ["津市"] = "三重県",
        ["大津市"] = "滋賀県",
        ["堺市"] = "大阪府",
        ["神戸市"] = "兵庫県",
        ["松江市"] = "島根県",
        ["高松市"] = "香川県",
        ["松山市"] = "愛媛県",
        ["北九州市"] = "福岡県",
        ["那覇市"] = "沖縄県",
        ["旭川市"] = "北海道",
        ["函館市"] = "北海道",
        ["郡山市"] = "福島県",
        ["いわき市"] = "福島県",
        ["高崎市"] = "群馬県",
        ["川越市"] = "埼玉県",
        ["船橋市"] = "千葉県",
        ["柏市"] = "千葉県",
        ["八王子市"] = "東京都",
        ["町田市"] = "東京都",
        ["藤沢市"] = "神奈川県",
        ["横須賀市"] = "神奈川県",
        ["長岡市"] = "新潟県",
        ["豊田市"] = "愛知県",
        ["岡崎市"] = "愛知県",
        ["豊橋市"] = "愛知県",
        ["姫路市"] = "兵庫県",
        ["西宮市"] = "兵庫県",
        ["尼崎市"] = "兵庫県",
        ["倉敷市"] = "岡山県",
        ["福山市"] = "広島県",
        ["下関市"] = "山口県",
        ["久留米市"] = "福岡県",
        ["佐世保市"] = "長崎県",
    };

    /// <summary>City names shared by two prefectures: written alone, the person is asked which.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AmbiguousCities { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["府中"] = ["東京都", "広島県"],
        ["伊達"] = ["北海道", "福島県"],
    };

    /// <summary>
    /// The name people use without the suffix: 「大阪」 for 大阪府, 「東京」 for 東京都.
    /// 北海道 has no shorter form in use.
    /// </summary>
    public static string ShortName(string prefecture) =>
        prefecture == "北海道" ? prefecture : prefecture[..^1];
}
