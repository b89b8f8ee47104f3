using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// 12-digit individual numbers (マイナンバー), contiguous or in groups of four. Any 12-digit
/// number counts, check digit or not: a mistyped My Number is still one, and no other 12-digit
/// number an intake needs would be lost by hiding it.
/// </summary>
internal sealed partial class MyNumberRule : IPiiRule
{
    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in Pattern().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.MyNumber, match.Index, match.Length);
        }
    }

    [GeneratedRegex(@"(?<![0-9][ \-]?)[0-9]{4}[ \-]?[0-9]{4}[ \-]?[0-9]{4}(?![ \-]?[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
