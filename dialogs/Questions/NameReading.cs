using System.Text;

namespace IntakeBot.Dialogs.Questions;

/// <summary>Kana readings of names: which text is a reading, and a name with one after it.</summary>
internal static class NameReading
{
    /// <summary>True when every letter is hiragana or katakana (spaces and 「ー」 allowed).</summary>
    public static bool IsKana(string text) =>
        text.Any(IsKanaLetter) && text.All(c => IsKanaLetter(c) || c is ' ' or '　' or 'ー' or '・');

    /// <summary>
    /// Splits 「山田太郎（やまだ たろう）」 or 「山田太郎 やまだたろう」 into the name and its reading;
    /// a name without one comes back with a null reading.
    /// </summary>
    public static (string Name, string? Kana) Split(string value)
    {
        var open = value.IndexOfAny(['(', '（']);
        if (open > 0 && value.IndexOfAny([')', '）'], open) is var close && close > open)
        {
            var inner = value[(open + 1)..close].Trim();
            if (IsKana(inner))
            {
                return ((value[..open] + value[(close + 1)..]).Trim(), Spaced(inner));
            }
        }

        var words = value.Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            var head = string.Join(' ', words[..i]);
            var tail = string.Join(' ', words[i..]);
            if (!IsKana(head) && IsKana(tail))
            {
                return (head, Spaced(tail));
            }
        }

        return (value, null);
    }

    /// <summary>Hiragana for the katakana letters, so readings compare and sort alike.</summary>
    public static string Spaced(string kana)
    {
        var sb = new StringBuilder(kana.Length);
        foreach (var c in kana.Trim())
        {
            sb.Append(c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c == '　' ? ' ' : c);
        }

        return sb.ToString();
    }

    private static bool IsKanaLetter(char c) => c is >= 'ぁ' and <= 'ゖ' or >= 'ァ' and <= 'ヺ';
}
