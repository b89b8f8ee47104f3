namespace IntakeBot.Knowledge.Evaluation;

/// <summary>Reads the eval set: a tab-separated file of question, expected article id(s), asker, style.</summary>
public static class EvalSet
{
    /// <summary>The expected value for a question that must be answered NotFound.</summary>
    public const string NotFoundMarker = "(none)";

    /// <summary>
    /// Where the eval set is copied in the bench's and the tests' output: <c>knowledge/eval/questions.ja.tsv</c>
    /// under <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "knowledge", "eval", "questions.ja.tsv");

    /// <summary>
    /// Parses the file: lines starting with <c>#</c> and the header line are skipped; several expected ids are
    /// joined with <c>|</c>; <see cref="NotFoundMarker"/> marks an out-of-scope question.
    /// </summary>
    /// <param name="path">The TSV file.</param>
    /// <returns>The cases in file order.</returns>
    /// <exception cref="FormatException">A line does not have four columns.</exception>
    public static IReadOnlyList<EvalCase> Load(string path)
    {
        var cases = new List<EvalCase>();
        foreach (var (lineNumber, columns) in EvalFile.Rows(path))
        {
            if (columns.Length != EvalFile.Columns || string.IsNullOrWhiteSpace(columns[0]) || string.IsNullOrWhiteSpace(columns[1]))
            {
                throw new FormatException($"{path}:{lineNumber}: expected 4 tab-separated columns.");
            }

            var expected = columns[1].Trim() == NotFoundMarker ? [] : EvalFile.Split(columns[1]);
            cases.Add(new EvalCase(columns[0].Trim(), expected, columns[2].Trim(), columns[3].Trim()));
        }

        return cases;
    }
}
