using System.Globalization;
using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Kanji numerals (「七十二」「二十日」「一九五三」), which older users often type instead of digits.
/// Parsers turn them into ASCII digits first so that the rest of the parsing sees one notation.
/// </summary>
internal static partial class JapaneseNumber
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>Reads a run of kanji numerals, positional (「七十二」) or digit by digit (「七二」).</summary>
    public static bool TryParse(string kanji, out int value)
    {
        value = 0;
        if (kanji.Length == 0)
        {
            return false;
        }

        return kanji.AsSpan().IndexOfAny("十百千") >= 0
            ? TryParsePositional(kanji, out value)
            : TryParseDigitByDigit(kanji, out value);
    }

    /// <summary>Replaces every run of kanji numerals by its value in ASCII digits.</summary>
    public static string ReplaceAll(string text) => Replace(KanjiRun(), text);

    /// <summary>
    /// Replaces only the kanji numerals that count something a date is made of (年, 月, 日, 週),
    /// because elsewhere a numeral is part of a word: 「一昨日」 must stay 「一昨日」.
    /// </summary>
    public static string ReplaceBeforeDateUnits(string text) => Replace(KanjiRunBeforeDateUnit(), text);

    private static string Replace(Regex pattern, string text) =>
        pattern.Replace(text, match => TryParse(match.Value, out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : match.Value);

    private static bool TryParseDigitByDigit(string kanji, out int value)
    {
        value = 0;

        // More than four digits is not an age, a year or a day; refusing it avoids overflow too.
        if (kanji.Length > 4)
        {
            return false;
        }

        foreach (var c in kanji)
        {
            var digit = DigitOf(c);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static bool TryParsePositional(string kanji, out int value)
    {
        value = 0;
        var pending = -1;
        var lastUnit = int.MaxValue;
        foreach (var c in kanji)
        {
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                var digit = DigitOf(c);

                // 「七七十」 is not a number; a second digit before a unit means a typo, not a value.
                if (digit < 0 || pending >= 0)
                {
                    return false;
                }

                pending = digit;
                continue;
            }

            // Units must shrink (千 before 百 before 十), otherwise 「十百」 would silently become 110.
            if (unit >= lastUnit)
            {
                return false;
            }

            value += (pending < 0 ? 1 : pending) * unit;
            lastUnit = unit;
            pending = -1;
        }

        value += Math.Max(pending, 0);
        return true;
    }

    private static int DigitOf(char c) => c == '零' ? 0 : Digits.IndexOf(c, StringComparison.Ordinal);

    [GeneratedRegex("[〇零一二三四五六七八九十百千]+")]
    private static partial Regex KanjiRun();

    [GeneratedRegex(@"[〇零一二三四五六七八九十百千]+(?=\s*(?:年|月|日|週|か月|ヶ月|カ月|ヵ月|箇月|ケ月))")]
    private static partial Regex KanjiRunBeforeDateUnit();
}
