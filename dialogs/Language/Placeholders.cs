using System.Globalization;
using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// The placeholder scheme: <c>[PERSON_1]</c>, <c>[PHONE_NUMBER_2]</c>… ASCII upper case so a
/// language model copies it verbatim instead of translating or paraphrasing it, numbered per
/// category so the model can still tell two people apart.
/// </summary>
internal static partial class Placeholders
{
    public static string Tag(PiiCategory category) => category switch
    {
        PiiCategory.Person => "PERSON",
        PiiCategory.PhoneNumber => "PHONE_NUMBER",
        PiiCategory.Email => "EMAIL",
        PiiCategory.Address => "ADDRESS",
        PiiCategory.DateOfBirth => "DATE_OF_BIRTH",
        PiiCategory.MyNumber => "MY_NUMBER",
        PiiCategory.PostalCode => "POSTAL_CODE",
        PiiCategory.CaseNumber => "CASE_NUMBER",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string Format(PiiCategory category, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"[{Tag(category)}_{number}]");

    /// <summary>
    /// Placeholder-like tokens in (folded) text, tolerant of what models do to them: lower case,
    /// a space for an underscore, a dropped bracket. The result is the canonical form.
    /// </summary>
    public static IEnumerable<(int Offset, int Length, PiiCategory Category, int Number)> Find(string foldedText)
    {
        foreach (Match match in TokenPattern().Matches(foldedText))
        {
            var tag = match.Groups["tag"].Value.ToUpperInvariant().Replace(' ', '_');
            if (TryParseTag(tag, out var category)
                && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                yield return (match.Index, match.Length, category, number);
            }
        }
    }

    private static bool TryParseTag(string tag, out PiiCategory category)
    {
        foreach (var candidate in Enum.GetValues<PiiCategory>())
        {
            if (Tag(candidate) == tag)
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }

    [GeneratedRegex(
        @"(?:\[ ?)?(?<![A-Za-z0-9_])(?<tag>PERSON|PHONE[_ ]NUMBER|EMAIL|ADDRESS|DATE[_ ]OF[_ ]BIRTH|MY[_ ]NUMBER|POSTAL[_ ]CODE|CASE[_ ]NUMBER)[_ ]?(?<n>[0-9]{1,6})(?![0-9A-Za-z_])(?: ?\])?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
