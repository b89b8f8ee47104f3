using System.Text;

namespace IntakeBot.Knowledge.Retrieval;

/// <summary>
/// Cuts a section down to a short excerpt: the whole section when it fits, otherwise its first sentence
/// followed by the sentences or list lines that share most with the question (a sentence that holds the kind of
/// answer the question asks for, such as a duration, counts extra), in their original order.
/// </summary>
internal static class ExcerptBuilder
{
    // A sentence holding the asked-for kind of answer (a duration for 「どのくらい」) counts as this many shared terms.
    private const double FrameBonus = 3;

    public static string Build(string plainText, string foldedQuery, int maxLength, AnswerFrame frame = AnswerFrame.None)
    {
        var text = plainText.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var units = SplitUnits(text);
        var queryTerms = NGramTokenizer.Tokenize(foldedQuery)
            .Where(t => !NGramTokenizer.IsKanaOnly(t.Text))
            .Select(t => t.Text)
            .ToHashSet(StringComparer.Ordinal);
        var ranked = units
            .Select((unit, index) => (Index: index, Overlap: index == 0 ? double.MaxValue
                : Overlap(unit, queryTerms) + (AnswerFrames.Holds(frame, JapaneseFolding.Fold(unit)) ? FrameBonus : 0)))
            .OrderByDescending(u => u.Overlap)
            .ThenBy(u => u.Index)
            .ToList();

        var chosen = new SortedSet<int>();
        var length = 0;
        foreach (var (index, _) in ranked)
        {
            var unitLength = units[index].Length + 1;
            if (length + unitLength <= maxLength)
            {
                chosen.Add(index);
                length += unitLength;
            }
        }

        if (chosen.Count == 0)
        {
            return string.Concat(text.AsSpan(0, maxLength - 1), "…");
        }

        var builder = new StringBuilder();
        var previous = -1;
        foreach (var index in chosen)
        {
            if (builder.Length > 0)
            {
                builder.Append(index == previous + 1 ? "\n" : "\n…\n");
            }

            builder.Append(units[index]);
            previous = index;
        }

        var result = builder.ToString();
        return result.Length <= maxLength ? result : string.Concat(result.AsSpan(0, maxLength - 1), "…");
    }

    private static List<string> SplitUnits(string text)
    {
        var units = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '。')
                {
                    units.Add(line[start..(i + 1)]);
                    start = i + 1;
                }
            }

            if (start < line.Length)
            {
                units.Add(line[start..]);
            }
        }

        return units;
    }

    private static double Overlap(string unit, HashSet<string> queryTerms)
    {
        var terms = NGramTokenizer.Tokenize(JapaneseFolding.Fold(unit)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return terms.Count(queryTerms.Contains);
    }
}
