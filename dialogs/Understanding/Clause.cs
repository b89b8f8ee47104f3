using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>A stretch of a message between punctuation, where one fact is usually stated.</summary>
/// <param name="Text">The normalised clause.</param>
/// <param name="Doubtful">The writer hedges (「たぶん」「かもしれない」): such facts are not taken.</param>
/// <param name="Negated">A double negative (「ないわけではない」) that must not be read as either side.</param>
/// <param name="Hypothetical">A condition (「執行猶予になった場合」「無罪なら」): what follows has not happened.</param>
internal sealed partial record Clause(string Text, bool Doubtful, bool Negated, bool Hypothetical)
{
    /// <summary>
    /// 「逮捕されたら」 or a question (「刑務所を出た人でも相談できますか」): the events named here
    /// have not been stated to happen. Narrower uses than <see cref="Hypothetical"/>, because
    /// 「裁判が終わったら住む所がない」 still states a lack of housing.
    /// </summary>
    public bool Unasserted => Hypothetical || TaraConditional().IsMatch(Text) || (Question().IsMatch(Text) && !Concessive().IsMatch(Text));

    // 「父が来月出所するんですがどうしたらいいですか」: a statement joined to a question in one run.
    [GeneratedRegex("けど|けれど|ですが|ますが|のに|が\\s")]
    private static partial Regex Concessive();

    [GeneratedRegex("たら(?!\\s?(いい|良い|よい|いいか|よろしい))")]
    private static partial Regex TaraConditional();

    [GeneratedRegex("(か|\\?|？)\\s*$")]
    private static partial Regex Question();

    // 「頃」「見込み」 make a date approximate, and 「かどうか」 leaves the
    // matter open; the eval's labelling rules leave such facts out, as a coordinator would.
    private static readonly string[] DoubtWords =
    [
        "たぶん", "多分", "かもしれ", "かも", "と思います", "と思う", "とおもう", "とおもい", "らしい", "みたい", "かな", "はず", "ようです", "ような気",
        "頃", "ごろ", "見込み", "みこみ", "かどうか", "確かでは", "はっきりしない",
    ];

    private static readonly string[] ForwardDoubtWords = ["たぶん", "多分", "もしかしたら", "もしかすると", "おそらく"];

    // Conditional endings that put the clause in an unrealised world. 「たら」 alone is left out:
    // 「裁判が終わったら住む所がない」 states a present lack about a future moment.
    private static readonly string[] ConditionalWords = ["場合", "なら", "としたら", "となれば", "になれば", "されれば"];
    private static readonly string[] DoubleNegatives = ["ないわけではない", "ないわけではありません", "ないわけじゃない", "ないわけでもない", "ないってわけじゃ", "ないことはない", "ないこともない", "なくはない", "なくもない", "ないとは限らない"];

    // The -eba conditional of any verb or adjective: 「執行猶予がつけば」「出られれば」「なければ」.
    [GeneratedRegex("[えけせてねべめれげ]ば")]
    private static partial Regex ConditionalForm();

    public static IReadOnlyList<Clause> Split(string normalized)
    {
        var clauses = new List<Clause>();
        var start = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            // A dot between digits belongs to a date (R8.12.3, 2026.12.3), not to the sentence.
            var isBreak = c is '。' or '！' or '!' or '？' or '?' or '\n' or '、' or ',' or '，'
                          || (c == '.' && !(i > 0 && char.IsDigit(normalized[i - 1]) && i + 1 < normalized.Length && char.IsDigit(normalized[i + 1])));
            if (isBreak)
            {
                // A question mark stays with its clause: a question states nothing.
                Add(c is '?' or '？' ? normalized[start..(i + 1)] : normalized[start..i]);
                start = i + 1;
            }
        }

        Add(normalized[start..]);
        return clauses;

        void Add(string text)
        {
            text = text.Trim();
            if (text.Length == 0)
            {
                return;
            }

            if (!IsDoubtful(text) || !text.Contains(' ', StringComparison.Ordinal))
            {
                clauses.Add(Make(text, IsDoubtful(text)));
                return;
            }

            // Without punctuation (「ははがつかまりました けいさつからはかえされました ボケてきてるとおもう」)
            // spaces are the phrase breaks. A sentence-final hedge scopes over its own phrase only;
            // a hedging adverb (「たぶん」) over everything after it.
            var forward = false;
            var run = new List<string>();
            var runDoubtful = false;
            foreach (var segment in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                forward |= ForwardDoubtWords.Any(w => segment.Contains(w, StringComparison.Ordinal));
                var doubtful = forward || IsDoubtful(segment);
                if (run.Count > 0 && doubtful != runDoubtful)
                {
                    clauses.Add(Make(string.Join(' ', run), runDoubtful));
                    run.Clear();
                }

                run.Add(segment);
                runDoubtful = doubtful;
            }

            clauses.Add(Make(string.Join(' ', run), runDoubtful));
        }

        static bool IsDoubtful(string text) => DoubtWords.Any(w => text.Contains(w, StringComparison.Ordinal));

        static Clause Make(string text, bool doubtful) => new(
            text,
            doubtful,
            DoubleNegatives.Any(w => text.Contains(w, StringComparison.Ordinal)),
            ConditionalWords.Any(w => text.Contains(w, StringComparison.Ordinal)) || ConditionalForm().IsMatch(text));
    }
}
