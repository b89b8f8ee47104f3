using System.Text;
using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// Reads a typed reply to the consent notice. Consent to the acquisition of 要配慮個人情報 must be
/// given, not inferred (APPI; SECURITY.md row 23), so a reply is consent only when every word of it
/// agrees: 「はい、同意します」 is, 「いる」 or 「同意しません」 is not. Doubt and anything unread is
/// <see cref="ConsentDecision.Unclear"/>, never a guess either way.
/// </summary>
public static partial class ConsentReader
{
    // Longest first: each found phrase is cut out, and the reply agrees only if nothing else is left.
    private static readonly string[] AgreePhrases =
    [
        "よろしくおねがいいたします", "よろしくおねがいします", "おねがいいたします", "おねがいします", "おねがい",
        "わかりました", "わかった", "りょうかいしました", "りょうかいです", "りょうかい", "しょうちしました", "しょうちです",
        "しょうだくします", "承諾します", "承諾", "承知しました", "了解しました", "了解です", "了解", "分かりました", "分かった",
        "かまいません", "かまわない", "構いません", "構わない", "だいじょうぶです", "だいじょうぶ", "大丈夫です", "大丈夫",
        "いいですよ", "いいです", "いいよ", "よいです", "いいでしょう", "賛成です", "賛成", "さんせい",
        "おっけーです", "おっけー", "おーけー", "okです", "okay", "ok", "yes",
        "はいはい", "はーい", "はい", "うん", "ええ", "そうします", "それでいい", "それでいいです",
        "お願いいたします", "お願いします", "お願い", "よろしくお願いいたします", "よろしくお願いします", "よろしく",
        "どうぞ", "もちろん",
    ];

    // 「同意」 (or a kana or mistyped form of it) followed by an agreeing ending or a typo of one.
    [GeneratedRegex(@"(?:同意|どうい|どーい|同位|動意)(?:を)?(?:いたします|いたしました|いたす|します|しました|しまう|しまーす|しまs|しますう|しまsう|しま|する|すr|します|してます|しています|できます|です|しま?す?)?")]
    private static partial Regex ConsentWord();

    private static readonly string[] RefusalMarks =
    [
        "しません", "しない", "しな", "できない", "できません", "出来ない", "出来ません", "いいえ", "いえ", "ううん", "いや", "嫌",
        "やだ", "ことわ", "断", "やめ", "止め", "辞め", "拒否", "きょひ", "反対", "はんたい", "不同意", "むり", "無理", "だめ", "駄目",
        "ちがう", "違う", "no", "のー", "したくない", "したくありません", "遠慮", "えんりょ",
    ];

    private static readonly string[] DoubtMarks =
    [
        "考え", "かんがえ", "迷", "まよ", "わから", "分から", "わかん", "不安", "どうしよう", "うーん", "うーむ", "まって", "待って",
        "あとで", "後で", "検討", "けんとう", "ちょっと", "あとにし", "しらない", "知らない", "たぶん", "多分", "かも",
    ];

    private static readonly string[] Fillers = ["やっぱり", "やはり", "です", "ですよ", "ます", "よ", "ね", "ねー", "!", "。", "、", ".", ",", "~", "〜", "ー", "…", "w", "笑"];

    /// <summary>Reads <paramref name="text"/> (already normalised or not).</summary>
    public static ConsentDecision Read(string text)
    {
        var folded = Fold(text);
        if (folded.Length == 0 || folded.EndsWith('?'))
        {
            return ConsentDecision.Unclear;
        }

        var agrees = Strip(folded, out var rest);
        var refuses = RefusalMarks.Any(m => folded.Contains(m, StringComparison.Ordinal));
        var doubts = DoubtMarks.Any(m => folded.Contains(m, StringComparison.Ordinal));

        if (refuses)
        {
            // 「はい、同意しません」 says both; asking again is the only honest reading.
            return doubts || HasAgreement(folded) ? ConsentDecision.Unclear : ConsentDecision.Refuse;
        }

        return agrees && !doubts && rest.Length == 0 ? ConsentDecision.Agree : ConsentDecision.Unclear;
    }

    // An agreeing word outside the refusal itself: 「同意しません」 alone holds no agreement.
    private static bool HasAgreement(string folded)
    {
        var rest = folded;
        foreach (var word in RefusalMarks.OrderByDescending(w => w.Length))
        {
            rest = rest.Replace(word, " ", StringComparison.Ordinal);
        }

        rest = ConsentWord().Replace(rest, string.Empty);
        return AgreePhrases.Any(p => rest.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>Cuts every agreeing phrase and filler out; true when at least one agreeing phrase was found.</summary>
    private static bool Strip(string folded, out string rest)
    {
        var work = ConsentWord().Replace(folded, "\u0001");
        foreach (var phrase in AgreePhrases.OrderByDescending(p => p.Length))
        {
            work = work.Replace(phrase, "\u0001", StringComparison.Ordinal);
        }

        var found = work.Contains('\u0001', StringComparison.Ordinal);
        work = work.Replace("\u0001", string.Empty, StringComparison.Ordinal);
        foreach (var filler in Fillers.OrderByDescending(f => f.Length))
        {
            work = work.Replace(filler, string.Empty, StringComparison.Ordinal);
        }

        rest = work.Replace(" ", string.Empty, StringComparison.Ordinal);
        return found;
    }

    /// <summary>NFKC, lower case, katakana as hiragana (「ドウイ」「オッケー」), no spaces.</summary>
    private static string Fold(string text)
    {
        var normalized = JapaneseText.Normalize(text).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == ' ')
            {
                continue;
            }

            builder.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }

        var folded = builder.ToString().TrimEnd('。', '.', '!', '、', ',');
        return folded.Replace('？', '?');
    }
}
