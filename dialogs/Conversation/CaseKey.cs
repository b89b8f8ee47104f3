using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// What a person wrote to come back to their case from another device: a 受付番号
/// (<c>KN-2026-000123</c>) and the 引き継ぎコード (<c>7KQ2-MX9D</c>) they were shown once, either or
/// both, as typed: full-width, lower case, without hyphens, with the zeros of the number left out.
/// </summary>
/// <param name="Reference">The reference number in its stored form (prefix as typed, six digits), or null.</param>
/// <param name="Prefix">Whether the writer gave the prefix; without it the host adds the center's own.</param>
/// <param name="Code">The code in its canonical form (8 characters, no hyphen), or null.</param>
public sealed partial record CaseKey(string? Reference, bool Prefix, string? Code)
{
    /// <summary>The code's alphabet (Crockford's base 32: no I, L, O or U, so nothing reads as another).</summary>
    public const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int CodeLength = 8;

    private static readonly string[] Mentions = ["受付番号", "うけつけばんごう", "引き継ぎコード", "引継ぎコード", "引継コード", "ひきつぎコード", "ひきつぎこーど", "コード", "続きから", "つづきから"];

    /// <summary>A code as it is shown: two groups of four, easy to read aloud and to copy.</summary>
    public static string Display(string code) => code.Length == CodeLength ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>Whether a message is about coming back to a case (it names one of the words, or holds a reference number).</summary>
    public static bool IsMentionedIn(string text)
    {
        var kc = text.Normalize(NormalizationForm.FormKC);
        var folded = Fold(text);
        // A number alone could be a date (2026-12-08); with its prefix it is a reference number.
        return Mentions.Any(m => kc.Contains(m, StringComparison.Ordinal))
               || ReferencePattern().Matches(folded).Any(m => m.Groups["p"].Success);
    }

    public static CaseKey Read(string text)
    {
        var folded = Fold(text);
        string? reference = null;
        var prefix = false;
        if (ReferencePattern().Match(folded) is { Success: true } match)
        {
            prefix = match.Groups["p"].Success;
            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            reference = string.Create(CultureInfo.InvariantCulture, $"{(prefix ? match.Groups["p"].Value + "-" : string.Empty)}{match.Groups["y"].Value}-{number:D6}");
            folded = folded.Remove(match.Index, match.Length);
        }

        string? code = null;
        foreach (Match candidate in CodePattern().Matches(folded))
        {
            var raw = candidate.Value.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            // Every code has a letter and a digit (see HasLetterAndDigit): eight letters are a
            // word, eight digits part of a phone number or a date.
            if (HasLetterAndDigit(raw) && Canonical(raw) is { } canonical)
            {
                code = canonical;
                break;
            }
        }

        return new CaseKey(reference, prefix, code);
    }

    /// <summary>Whether a code mixes letters and digits, as every code made does.</summary>
    public static bool HasLetterAndDigit(string code) => code.Any(char.IsAsciiDigit) && code.Any(char.IsAsciiLetter);

    /// <summary>The code with the letters people confuse read as the digits they look like (I, L → 1; O → 0).</summary>
    public static string? Canonical(string code)
    {
        if (code.Length != CodeLength)
        {
            return null;
        }

        var chars = new char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            var c = char.ToUpperInvariant(code[i]) switch { 'I' or 'L' => '1', 'O' => '0', var other => other };
            if (!CodeAlphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            chars[i] = c;
        }

        return new string(chars);
    }

    private static string Fold(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            // Dashes people type between the parts: the long-vowel mark of an IME, minus signs, hyphens.
            sb.Append(c is 'ー' or '―' or '−' or '‐' or '–' or '—' or '_' ? '-' : c);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"(?<![A-Z0-9])(?:(?<p>[A-Z]{2,4})\s*-?\s*)?(?<y>20\d\d)\s*-?\s*(?<n>\d{1,6})(?![0-9])")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<![A-Z0-9-])[A-Z0-9]{4}[-\s]?[A-Z0-9]{4}(?![A-Z0-9-])")]
    private static partial Regex CodePattern();
}
