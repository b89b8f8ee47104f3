using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Numbers that identify a person's case: a court case number in its standard form
/// (令和8年(わ)第123号) anywhere, and any number right after a label such as 称呼番号 or
/// 事件番号. Only the number is replaced; the label stays so a model still knows what it was.
/// </summary>
internal sealed partial class CaseNumberRule : IPiiRule
{
    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in CourtCase().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.CaseNumber, match.Index, match.Length);
        }

        foreach (Match match in Labelled().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.CaseNumber, match.Index, match.Length);
        }
    }

    [GeneratedRegex(
        @"(?:令和|平成|昭和|[RHS]) ?(?:[0-9]{1,2}|元) ?年 ?\( ?[ぁ-ゖァ-ヺ\p{IsCJKUnifiedIdeographs}]{1,4} ?\) ?第? ?[0-9]{1,6} ?号",
        RegexOptions.CultureInvariant)]
    private static partial Regex CourtCase();

    [GeneratedRegex(
        @"(?<=(?:称呼番号|受刑者番号|収容番号|被収容者番号|留置番号|事件番号)(?:は|:)? ?)(?:第 ?)?[0-9]{1,8}(?: ?(?:号|番))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();
}
