using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// Spells the date words of a message typed without kanji conversion (「らいげつ１０にち」) in
/// kanji, so that one date reader serves both. Only this closed set of calendar words is folded:
/// it has no other reading in a story about release, courts or housing.
/// </summary>
internal static partial class KanaDates
{
    private static readonly (string Kana, string Kanji)[] Words =
    [
        ("さらいげつ", "再来月"), ("らいげつ", "来月"), ("こんげつ", "今月"), ("せんげつ", "先月"),
        ("さらいしゅう", "再来週"), ("らいしゅう", "来週"), ("こんしゅう", "今週"), ("せんしゅう", "先週"),
        ("らいねん", "来年"), ("きょねん", "去年"),
        ("げつようび", "月曜日"), ("かようび", "火曜日"), ("すいようび", "水曜日"), ("もくようび", "木曜日"),
        ("きんようび", "金曜日"), ("どようび", "土曜日"), ("にちようび", "日曜日"),
    ];

    [GeneratedRegex("(\\d)\\s?(にち|がつ)")]
    private static partial Regex DayOrMonth();

    public static string Fold(string normalized)
    {
        var text = Words.Aggregate(normalized, (t, w) => t.Replace(w.Kana, w.Kanji, StringComparison.Ordinal));
        return DayOrMonth().Replace(text, m => m.Groups[1].Value + (m.Groups[2].Value == "にち" ? "日" : "月"));
    }
}
