namespace IntakeBot.Knowledge.Evaluation;

/// <summary>Reads a passage eval set: question, expected article id(s), expected section heading(s), frame.</summary>
public static class PassageSet
{
    /// <summary>Where the passage eval set is copied beside <see cref="EvalSet.DefaultPath"/>.</summary>
    public static string DefaultPath => Path.Combine(Path.GetDirectoryName(EvalSet.DefaultPath)!, "passages.ja.tsv");

    /// <summary>The held-out passage set, not used for tuning.</summary>
    public static string HoldoutPath => Path.Combine(Path.GetDirectoryName(EvalSet.DefaultPath)!, "passages.holdout.ja.tsv");

    /// <summary>Parses the file: <c>#</c> lines and the header are skipped; several ids or headings are joined with <c>|</c>.</summary>
    /// <param name="path">The TSV file.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="FormatException">A line does not have four non-empty columns.</exception>
    public static IReadOnlyList<PassageCase> Load(string path)
    {
        var cases = new List<PassageCase>();
        foreach (var (lineNumber, columns) in EvalFile.Rows(path))
        {
            if (columns.Length != EvalFile.Columns || columns.Any(string.IsNullOrWhiteSpace))
            {
                throw new FormatException($"{path}:{lineNumber}: expected 4 non-empty tab-separated columns.");
            }

            cases.Add(new PassageCase(columns[0].Trim(), EvalFile.Split(columns[1]), EvalFile.Split(columns[2]), columns[3].Trim()));
        }

        return cases;
    }

    /// <summary>Share of <paramref name="cases"/> answered from an expected section.</summary>
    /// <param name="knowledgeBase">The knowledge base to measure.</param>
    /// <param name="cases">The passage questions.</param>
    /// <returns>The share (0–1) and the cases that missed.</returns>
    public static (double Accuracy, IReadOnlyList<(PassageCase Case, KnowledgeAnswer Answer)> Misses) Run(KnowledgeBase knowledgeBase, IReadOnlyList<PassageCase> cases)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(cases);
        var misses = cases.Select(c => (Case: c, Answer: knowledgeBase.Answer(c.Question))).Where(o => !o.Case.IsAnsweredBy(o.Answer)).ToList();
        return (cases.Count == 0 ? 0 : (double)(cases.Count - misses.Count) / cases.Count, misses);
    }
}
