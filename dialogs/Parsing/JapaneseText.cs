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

        var folded = text.Normalize(NormalizationForm.FormKC);
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
