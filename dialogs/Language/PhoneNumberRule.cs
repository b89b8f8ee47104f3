using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Japanese phone numbers as people type them: 090-1234-5678, 09012345678, 03(1234)5678,
/// 045 123 4567, 0120-123-456, +81 90 1234 5678, +81(0)3-1234-5678, with any dash look-alike
/// including 「ー」. Short public numbers (110, 119, #7119) are not personal and do not match.
/// </summary>
internal sealed partial class PhoneNumberRule : IPiiRule
{
    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in Pattern().Matches(folded))
        {
            if (HasPhoneDigitCount(match.Value))
            {
                yield return new PiiSpan(PiiCategory.PhoneNumber, match.Index, match.Length);
            }
        }
    }

    // The pattern only fixes the shape; the digit count decides. Domestic numbers are 10 digits
    // (landline, 0120) or 11 (mobile, 050, 0800); after +81 the leading 0 is dropped.
    private static bool HasPhoneDigitCount(string candidate)
    {
        var digits = new string(candidate.Where(char.IsAsciiDigit).ToArray());
        if (candidate.StartsWith('+'))
        {
            var national = digits[2..].TrimStart('0');
            return national.Length is 9 or 10;
        }

        return !digits.StartsWith("00", StringComparison.Ordinal) && digits.Length is 10 or 11;
    }

    [GeneratedRegex(
        @"(?<![0-9+\-])(?:\+81[ \-ー]?(?:\(0\)[ \-ー]?)?|\(?0)[0-9]{1,4}\)?[ \-ー.(]?[0-9]{1,4}[ \-ー.)]?[0-9]{3,4}(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
