namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// A 元号 with its first and last day. Hand-rolled instead of <see cref="System.Globalization.JapaneseCalendar"/>
/// because that calendar depends on the ICU data of the machine and would still not tell us the
/// boundaries we need for sentences such as 「平成は2019年4月30日までです。」.
/// </summary>
internal sealed record JapaneseEra(string Name, char Letter, DateOnly First, DateOnly Last)
{
    /// <summary>The eras a living person's dates can fall in, newest first.</summary>
    public static IReadOnlyList<JapaneseEra> All { get; } =
    [
        new("令和", 'R', new DateOnly(2019, 5, 1), DateOnly.MaxValue),
        new("平成", 'H', new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30)),
        new("昭和", 'S', new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7)),
        new("大正", 'T', new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 24)),

        // Meiji 元年 is counted from 1 January 1868 although the era was proclaimed in October.
        new("明治", 'M', new DateOnly(1868, 1, 1), new DateOnly(1912, 7, 29)),
    ];

    /// <summary>The era for a kanji name (「令和」) or its one-letter abbreviation (「R」, 「r」).</summary>
    public static JapaneseEra? Find(string nameOrLetter)
    {
        foreach (var era in All)
        {
            if (era.Name == nameOrLetter
                || (nameOrLetter.Length == 1 && char.ToUpperInvariant(nameOrLetter[0]) == era.Letter))
            {
                return era;
            }
        }

        return null;
    }

    /// <summary>The Gregorian year of year <paramref name="eraYear"/> of this era (令和1 is 2019).</summary>
    public int ToGregorianYear(int eraYear) => First.Year + eraYear - 1;
}
