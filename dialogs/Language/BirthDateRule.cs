using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Dates of birth: a full date (和暦 or 西暦, month and day at least) right after 生年月日 or
/// 誕生日, or right before 生まれ/生. Other dates stay: release and hearing dates
/// (「12月3日の公判」) are what the intake is about, and a birth year alone says no more than an age.
/// </summary>
internal sealed partial class BirthDateRule : IPiiRule
{
    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in Pattern().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.DateOfBirth, match.Index, match.Length);
        }
    }

    private const string Number = "(?:[0-9]{1,2}|[〇一二三四五六七八九十]{1,3})";
    private const string Year = "(?:(?:明治|大正|昭和|平成|令和) ?(?:[0-9]{1,2}|元|[〇一二三四五六七八九十]{1,3})|[MTSHRmtshr] ?[0-9]{1,2}|[0-9]{4}) ?年 ?";
    private const string Date =
        "(?:(?:" + Year + ")?" + Number + " ?月 ?" + Number + " ?日"
        + "|(?:[0-9]{4}|[MTSHRmtshr][0-9]{1,2})[/.\\-][0-9]{1,2}[/.\\-][0-9]{1,2})";

    [GeneratedRegex(
        "(?<=(?:生年月日|誕生日|DOB)(?:は|:)? ?)" + Date + "|" + Date + "(?= ?(?:生まれ|うまれ|産まれ|生(?=[ 、。,.)の]|$)))",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
