using System.Text;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Reads a yes or a no from colloquial Japanese (「うん」「いません」「同意します」).
/// An answer that says both, negates twice, hedges or asks back is refused rather than read.
/// </summary>
internal static class YesNoParser
{
    private const string AskAgain = "「はい」か「いいえ」でお答えください。";

    private const char Blank = '\u0001';

    // Polarity of each word: true = yes, false = no, null = a word that merely contains a yes or a
    // no word (「ありがとう」 contains 「あり」) and must be taken out before those are looked for.
    private static readonly (string Word, bool? Yes)[] Vocabulary = BuildVocabulary();

    // 「ないわけではない」 and its kin say neither yes nor no clearly enough to record.
    private static readonly string[] DoubleNegatives =
    [
        "わけではな", "わけじゃな", "わけでもな", "ことはな", "こともな", "なくはな", "なくもな",
        "とは言えな", "とはいえな", "とも言えな", "ともいえな",
    ];

    private static readonly string[] Hedges =
    [
        "かも", "どちらとも", "どっちとも", "微妙", "びみょう", "どうだろう", "どうかな", "半々", "時々", "ときどき",
    ];

    /// <summary>Parses <paramref name="text"/> as a yes (true) or a no (false).</summary>
    public static Parsed<bool> Parse(string? text)
    {
        var normalized = JapaneseText.Normalize(text);
        if (normalized.Length == 0)
        {
            return Parsed<bool>.Invalid();
        }

        if (UnknownAnswer.Matches(normalized))
        {
            return Parsed<bool>.Unknown();
        }

        var lower = normalized.ToLowerInvariant();

        // 「はい？」 is "pardon?", and 「いる？」 asks us back: neither answers the question.
        if (lower.EndsWith('?')
            || DoubleNegatives.Any(n => lower.Contains(n, StringComparison.Ordinal))
            || Hedges.Any(h => lower.Contains(h, StringComparison.Ordinal)))
        {
            return Parsed<bool>.Invalid(AskAgain);
        }

        var (yes, no) = Count(lower);
        return (yes, no) switch
        {
            ( > 0, 0) => Parsed<bool>.Ok(true),
            (0, > 0) => Parsed<bool>.Ok(false),
            _ => Parsed<bool>.Invalid(AskAgain),
        };
    }

    private static (int Yes, int No) Count(string lower)
    {
        // Longest words first, each blanked out once found, so that 「ううん」 (no) is not also read
        // as 「うん」 (yes), nor 「ございます」 as 「います」, nor 「母はいない」 as 「はい」.
        var work = new StringBuilder(lower);
        var yes = 0;
        var no = 0;
        foreach (var (word, polarity) in Vocabulary)
        {
            var at = work.ToString().IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (polarity == true)
                {
                    yes++;
                }
                else if (polarity == false)
                {
                    no++;
                }

                for (var i = at; i < at + word.Length; i++)
                {
                    work[i] = Blank;
                }

                at = work.ToString().IndexOf(word, at + word.Length, StringComparison.Ordinal);
            }
        }

        return (yes, no);
    }

    private static (string Word, bool? Yes)[] BuildVocabulary()
    {
        string[] yesWords =
        [
            "はい", "うん", "ええ", "そうです", "そうだ", "そう", "その通り", "そのとおり",
            "知っています", "知ってます", "知っている", "知ってる", "しってる",
            "同意します", "同意する", "同意です", "同意", "賛成",
            "いる", "います", "いるよ", "ある", "あります", "あり",
            "ok", "okay", "オッケー", "おっけー", "オーケー", "yes", "イエス",
            "大丈夫", "だいじょうぶ", "お願いします", "おねがいします", "お願い", "おねがい",
            "問題ない", "問題ありません", "間違いない", "間違いありません", "構わない", "かまわない",
            "構いません", "かまいません", "了解", "もちろん", "合っています", "あっています", "合ってる",
        ];
        string[] noWords =
        [
            "いいえ", "いえ", "いや", "ううん", "違います", "ちがいます", "違う", "ちがう",
            "そうじゃない", "そうではない", "そうでない", "そうではありません", "そうじゃありません",
            "ない", "ないです", "無い", "なし", "無し", "なかった", "いない", "いなかった",
            "ありません", "いません", "しない", "しません", "同意しない", "同意しません",
            "大丈夫じゃない", "大丈夫ではない", "大丈夫ではありません", "大丈夫じゃありません",
            "no", "ノー", "だめ", "ダメ", "駄目", "嫌",
        ];
        string[] neutralWords =
        [
            "ありがとう", "ございます", "ええと", "えっと", "えーと", "すみません", "すいません",
        ];

        return yesWords.Select(w => (w, (bool?)true))
            .Concat(noWords.Select(w => (w, (bool?)false)))
            .Concat(neutralWords.Select(w => (w, (bool?)null)))
            .OrderByDescending(entry => entry.w.Length)
            .ToArray();
    }
}
