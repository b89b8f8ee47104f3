using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// The value inside a spoken answer: 「山田花子です」 is the name 山田花子, 「横浜拘置支所にいると
/// 聞いています」 the place 横浜拘置支所. Also tells a skipped answer (「わからない」「答えたくない」)
/// from a value.
/// </summary>
internal static class SpokenValue
{
    /// <summary>The button that skips an optional question without saying why.</summary>
    public const string DeclineLabel = "答えない";

    private const int MaxLeadOffset = 6;

    // Longest first: 「と申します」 before 「ます」-less forms, hearsay before the copula it ends in.
    private static readonly string[] Endings =
    [
        "にいると聞いています", "にいると聞いた", "にいるそうです", "にいるらしいです", "にいるらしい",
        "と聞いています", "と聞きました", "と聞いた", "だそうです", "らしいです", "らしい",
        "に入院しています", "に入所しています", "に入院中です", "に入所中です", "に入院中", "に入所中", "で入院中", "に入っています", "に入ってます", "に勾留されています", "に勾留中です",
        "で勾留されています", "で勾留中です", "におります", "にいます", "に居ます", "にいる", "に居る", "にいてます",
        "と読みます", "とよみます", "と読む", "とよむ", "と申します", "ともうします", "といいます", "と言います", "でございます", "になります", "です",
        "の事件です", "の事件", "の件",
        "さん", "様", "さま",
    ];

    private static readonly string[] Leads =
    [
        "ご本人の名前は", "本人の名前は", "名前は", "なまえは", "氏名は", "本人は", "ご本人は", "いまは", "今は", "現在は", "いま", "今",
        "事件番号は", "裁判所は", "場所は",
    ];

    private static readonly string[] Declines =
    [
        DeclineLabel, "答えたくない", "こたえたくない", "言いたくない", "いいたくない", "教えたくない", "おしえたくない", "書きたくない",
        "答えません", "言えません", "秘密", "ひみつ", "パス", "スキップ", "なし", "ない", "ありません", "まだない", "まだありません", "未定", "特になし",
    ];

    // 「まだ起訴されていません」「まだ決まっていない」: nothing yet, however long the sentence.
    private static readonly string[] NotYetEndings = ["ません", "ない", "ないです", "ないと聞いています"];

    /// <summary>True when the answer passes the question (not known, not given, none yet).</summary>
    public static bool IsSkip(string normalized)
    {
        var bare = TrimPunctuation(normalized);
        // 「言いたくないです」 declines as 「言いたくない」 does.
        var plain = bare.EndsWith("です", StringComparison.Ordinal) && bare.Length > 2 ? bare[..^2] : bare;
        return AnswerParsers.IsUnknown(bare) || Declines.Any(d => bare == d || plain == d || bare.StartsWith(d + " ", StringComparison.Ordinal))
               || bare.StartsWith("まだ", StringComparison.Ordinal) && !bare.Any(char.IsAsciiDigit)
                  && (bare.Length <= 8 || NotYetEndings.Any(e => bare.EndsWith(e, StringComparison.Ordinal)));
    }

    /// <summary>The value with the polite frame, hearsay and whereabouts wording taken off; may be empty.</summary>
    public static string Strip(string text)
    {
        var value = TrimPunctuation(text.Trim());
        var changed = true;
        while (changed && value.Length > 0)
        {
            changed = false;
            foreach (var ending in Endings)
            {
                if (value.Length > ending.Length && value.EndsWith(ending, StringComparison.Ordinal))
                {
                    value = TrimPunctuation(value[..^ending.Length]);
                    changed = true;
                    break;
                }
            }
        }

        foreach (var lead in Leads)
        {
            // 「息子の名前は山田一郎」: a topic ending in は may follow a few words of its own.
            var at = value.IndexOf(lead, StringComparison.Ordinal);
            if (at >= 0 && value.Length > at + lead.Length && (at == 0 || (lead.EndsWith('は') && at <= MaxLeadOffset)))
            {
                value = value[(at + lead.Length)..].TrimStart(' ', '　', '、', ',');
                break;
            }
        }

        return value.Trim();
    }

    private static string TrimPunctuation(string text) => text.Trim().TrimEnd('。', '．', '.', '!', '！', '、', ',', '　', ' ', '?', '？').Trim();
}
