using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// 郵便番号: after 〒 or the label 郵便番号, or a bare 123-4567 directly followed by a
/// prefecture or municipality. A bare 7-digit number elsewhere is not assumed to be one.
/// The 〒 mark and the label stay in the text.
/// </summary>
internal sealed partial class PostalCodeRule : IPiiRule
{
    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in Marked().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.PostalCode, match.Index, match.Length);
        }

        foreach (Match match in BeforeAddress().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.PostalCode, match.Index, match.Length);
        }
    }

    [GeneratedRegex(@"(?<=(?:〒|郵便番号(?:は|:)?) ?)[0-9]{3}[\-ー]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Marked();

    [GeneratedRegex(
        @"(?<![0-9\-])[0-9]{3}-[0-9]{4}(?![0-9\-])(?= ?(?:北海道|東京都|京都府|大阪府|[\p{IsCJKUnifiedIdeographs}]{2,3}県|[\p{IsCJKUnifiedIdeographs}ヶ]{1,4}(?:市|区|町|村|郡)))",
        RegexOptions.CultureInvariant)]
    private static partial Regex BeforeAddress();
}
