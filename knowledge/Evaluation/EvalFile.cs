namespace IntakeBot.Knowledge.Evaluation;

/// <summary>
/// The eval sets' shared file format: UTF-8, one case a line in four tab-separated columns, with
/// empty lines, <c>#</c> comments and the <c>question</c> header skipped.
/// </summary>
internal static class EvalFile
{
    public const int Columns = 4;

    /// <summary>Each case line's columns with its line number, for error messages.</summary>
    public static IEnumerable<(int LineNumber, string[] Columns)> Rows(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("question\t", StringComparison.Ordinal))
            {
                continue;
            }

            yield return (lineNumber, line.Split('\t'));
        }
    }

    /// <summary>Several ids or headings in one column are joined with <c>|</c>.</summary>
    public static string[] Split(string column) => column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
