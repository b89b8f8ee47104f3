using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Reads a Japanese phone number and returns it in domestic form with hyphens
/// (「090-1234-5678」「03-1234-5678」「0120-123-456」).
/// </summary>
/// <remarks>
/// Where the number's prefix fixes the split (mobile and IP phones, Tokyo and Osaka, free dial)
/// it is applied. Other area codes are 2 to 5 digits long and only a full table would tell, so the
/// user's own hyphens are kept when they look like a phone number's, and the plain digits otherwise.
/// </remarks>
internal static partial class PhoneParser
{
    private const string WrongLength = "電話番号の桁数が合いません。市外局番からもう一度教えてください。";

    private static readonly string[] ElevenDigitPrefixes = ["020", "050", "060", "070", "080", "090"];

    private static readonly string[] FourThreeThreePrefixes = ["0120", "0570", "0990", "0180"];

    /// <summary>Parses <paramref name="text"/> as a phone number.</summary>
    public static Parsed<string> Parse(string? text)
    {
        var normalized = JapaneseText.Normalize(text);
        if (normalized.Length == 0)
        {
            return Parsed<string>.Invalid();
        }

        if (UnknownAnswer.Matches(normalized))
        {
            return Parsed<string>.Unknown();
        }

        // Short numbers beside the phone number (「内線12」「2人」) are not candidates.
        var candidates = Candidate().Matches(JapaneseText.FoldDashes(normalized))
            .Select(m => m.Value)
            .Where(c => c.Count(char.IsAsciiDigit) >= 6)
            .ToList();
        return candidates.Count switch
        {
            0 => Parsed<string>.Invalid(normalized.Any(char.IsAsciiDigit) ? WrongLength : "電話番号を数字で教えてください。"),
            1 => FromCandidate(candidates[0]),
            _ => Parsed<string>.Invalid("電話番号を一つだけ教えてください。"),
        };
    }

    private static Parsed<string> FromCandidate(string candidate)
    {
        var domestic = candidate;
        if (candidate.StartsWith('+'))
        {
            var international = International().Match(candidate);
            if (!international.Success)
            {
                return Parsed<string>.Invalid("日本の電話番号を教えてください。");
            }

            // +81 drops the trunk 0 (「+81 90…」 is 「090…」); some people keep it as 「(0)」.
            domestic = "0" + international.Groups["rest"].Value;
        }

        var groups = Digits().Matches(domestic).Select(m => m.Value).ToList();
        var digits = string.Concat(groups);

        // A wrong length first: 「1234-5678」 lacks its area code rather than a leading 0.
        if (digits.Length is not (10 or 11))
        {
            return Parsed<string>.Invalid(WrongLength);
        }

        // 00 starts an international call from Japan, never a domestic number.
        if (!digits.StartsWith('0') || digits.StartsWith("00", StringComparison.Ordinal))
        {
            return Parsed<string>.Invalid("電話番号は0から始まる番号で教えてください。");
        }

        if (digits.Length == 11)
        {
            // Free dial 0800 before the mobile 080 it starts with.
            if (digits.StartsWith("0800", StringComparison.Ordinal))
            {
                return Parsed<string>.Ok(Split(digits, 4, 3));
            }

            return ElevenDigitPrefixes.Any(p => digits.StartsWith(p, StringComparison.Ordinal))
                ? Parsed<string>.Ok(Split(digits, 3, 4))
                : Parsed<string>.Invalid(WrongLength);
        }

        if (ElevenDigitPrefixes.Any(p => digits.StartsWith(p, StringComparison.Ordinal))
            || digits.StartsWith("0800", StringComparison.Ordinal))
        {
            return Parsed<string>.Invalid(WrongLength);
        }

        if (FourThreeThreePrefixes.Any(p => digits.StartsWith(p, StringComparison.Ordinal)))
        {
            return Parsed<string>.Ok(Split(digits, 4, 3));
        }

        if (digits.StartsWith("03", StringComparison.Ordinal) || digits.StartsWith("06", StringComparison.Ordinal))
        {
            return Parsed<string>.Ok(Split(digits, 2, 4));
        }

        return Parsed<string>.Ok(LooksLikeLandlineGroups(groups) ? string.Join('-', groups) : digits);
    }

    // Area code (with its 0) of 2 to 5 digits, and a 4-digit subscriber number at the end.
    private static bool LooksLikeLandlineGroups(List<string> groups) =>
        groups.Count is 2 or 3 && groups[0].Length is >= 2 and <= 5 && groups[^1].Length == 4;

    private static string Split(string digits, int first, int second) =>
        $"{digits[..first]}-{digits.Substring(first, second)}-{digits[(first + second)..]}";

    [GeneratedRegex(@"\+?\d(?:[\d().-]|\s(?=[\d(]))*\d")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^\+\s*81[\s.-]*(?:\(\s*0\s*\)[\s.-]*)?(?<rest>[1-9][\d\s().-]*)$")]
    private static partial Regex International();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
