using System.Text;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// A copy of user text with full-width ASCII, ideographic spaces, dash look-alikes and half-width
/// katakana folded to one form, character for character. Unlike NFKC
/// (<see cref="Parsing.JapaneseText.Normalize"/>) it never changes the length, so a match found in
/// the folded copy has the same offset and length in the original, which is what gets redacted.
/// </summary>
internal static class FoldedText
{
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Fold(chars[i]);
        }

        return new string(chars);
    }

    private static char Fold(char c) => c switch
    {
        // Full-width hyphen-minus first: the general full-width rule below would make it '-' too,
        // but it is listed with the other dashes so the intent is in one place.
        '\uFF0D' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' => '-',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\uFF70' => 'ー',
        >= '\uFF61' and <= '\uFF9F' => FoldHalfWidthKana(c),
        _ => c,
    };

    private static char FoldHalfWidthKana(char c)
    {
        // Each half-width kana (and each half-width voicing mark) is one full-width code unit
        // under NFKC; only the composition of ｶﾞ into ガ would change the length, and that needs two.
        var folded = c.ToString().Normalize(NormalizationForm.FormKC);
        return folded.Length == 1 ? folded[0] : c;
    }
}
