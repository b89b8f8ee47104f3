using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>E-mail addresses, including ones typed with a full-width ＠ (folded before matching).</summary>
internal sealed partial class EmailRule : IPiiRule
{
    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in Pattern().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.Email, match.Index, match.Length);
        }
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
