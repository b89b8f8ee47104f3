namespace IntakeBot.Knowledge.Retrieval;

/// <summary>
/// Splits folded Japanese text into character bigrams plus kanji unigrams. Bigrams do not cross punctuation or
/// spaces, and a hiragana→kanji pair (mostly a particle before a word, 「が逮」) is not a term.
/// </summary>
internal static class NGramTokenizer
{
    /// <summary>Weight of a single-kanji term; bigrams weigh 1.</summary>
    public const double UnigramWeight = 0.4;

    /// <summary>Terms of <paramref name="folded"/>, in order, with repeats.</summary>
    public static List<Term> Tokenize(string folded)
    {
        var terms = new List<Term>(folded.Length * 2);
        var runStart = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inRun = i < folded.Length && Classify(folded[i]) != CharClass.Other;
            if (inRun && runStart < 0)
            {
                runStart = i;
            }
            else if (!inRun && runStart >= 0)
            {
                AddRun(folded.AsSpan(runStart, i - runStart), terms);
                runStart = -1;
            }
        }

        return terms;
    }

    /// <summary>True when every character of <paramref name="term"/> is hiragana (mostly grammar, not content).</summary>
    public static bool IsKanaOnly(string term)
    {
        foreach (var c in term)
        {
            if (Classify(c) != CharClass.Kana)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddRun(ReadOnlySpan<char> run, List<Term> terms)
    {
        for (var i = 0; i < run.Length; i++)
        {
            var current = Classify(run[i]);
            if (current == CharClass.Kanji)
            {
                terms.Add(new Term(run[i].ToString(), UnigramWeight));
            }

            if (i + 1 < run.Length)
            {
                var next = Classify(run[i + 1]);
                if (!(current == CharClass.Kana && next == CharClass.Kanji))
                {
                    terms.Add(new Term(new string(run.Slice(i, 2)), 1.0));
                }
            }
            else if (run.Length == 1 && current == CharClass.Latin)
            {
                terms.Add(new Term(run.ToString(), 1.0));
            }
        }
    }

    private static CharClass Classify(char c) => c switch
    {
        >= '\u3041' and <= '\u309F' or '\u30FC' => CharClass.Kana,
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '\u3005' or '\u3006' or >= '\uF900' and <= '\uFAFF' => CharClass.Kanji,
        _ when char.IsLetterOrDigit(c) => CharClass.Latin,
        _ => CharClass.Other,
    };

    private enum CharClass
    {
        Other,
        Kana,
        Kanji,
        Latin,
    }
}
