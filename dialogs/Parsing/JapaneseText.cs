using System.Globalization;
using System.Text;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>Normalisation of Japanese user text before it is matched against anything.</summary>
public static class JapaneseText
{
    /// <summary>
    /// NFKC (full-width digits and letters to half-width, half-width kana to full-width),
    /// any other script's decimal digits to ASCII, trimmed, inner white space folded to one space.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // A turn folds the same message in several places (commands, crisis words, the answer)
        // and ICU's NFKC is the costly part. Normalizing is idempotent, so the last result is
        // also its own normal form.
        var last = t_last;
        if (last is not null && (text == last.Input || text == last.Output))
        {
            return last.Output;
        }

        var normalized = NormalizeOnce(text);
        t_last = new NormalizedText(text, normalized);
        return normalized;
    }

    [ThreadStatic]
    private static NormalizedText? t_last;

    private sealed record NormalizedText(string Input, string Output);

    private static string NormalizeOnce(string text)
    {
        // NFKC throws on a lone surrogate or U+FFFE (a client can send either, escaped, in JSON).
        var folded = WellFormed(text).Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // Regex \d also matches Arabic-Indic or Devanagari digits, which int.Parse rejects;
            // folding them here keeps every parser's digits ASCII.
            if (char.IsDigit(c) && !char.IsAsciiDigit(c))
            {
                builder.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)));
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text with every lone surrogate and every noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF and
    /// their like in the other planes) replaced by U+FFFD, so it can be normalised (NFKC throws on
    /// either), encoded as UTF-8 and stored.
    /// </summary>
    public static string WellFormed(string text)
    {
        if (IndexOfLoneSurrogate(text, 0) < 0 && !text.EnumerateRunes().Any(IsNoncharacter))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // EnumerateRunes already yields U+FFFD for a lone surrogate.
            builder.Append(IsNoncharacter(rune) ? Rune.ReplacementChar.ToString() : rune.ToString());
        }

        return builder.ToString();
    }

    private static bool IsNoncharacter(Rune rune) =>
        (rune.Value & 0xFFFE) == 0xFFFE || rune.Value is >= 0xFDD0 and <= 0xFDEF;

    /// <summary>The position of the first surrogate at or after <paramref name="start"/> that is not half of a pair, or -1.</summary>
    public static int IndexOfLoneSurrogate(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Turns the many dash look-alikes people type between digits (「090ー1234ー5678」 from a kana
    /// keyboard, 「−」 from a converter) into an ASCII hyphen, so number parsers need only one.
    /// The long-vowel mark 「ー」 is folded only between digits, because elsewhere it is part of a word.
    /// </summary>
    internal static string FoldDashes(string normalized)
    {
        var builder = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63')
            {
                builder.Append('-');
            }
            else if (c == '\u30FC' && i > 0 && i + 1 < normalized.Length && char.IsAsciiDigit(normalized[i - 1]) && char.IsAsciiDigit(normalized[i + 1]))
            {
                builder.Append('-');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
