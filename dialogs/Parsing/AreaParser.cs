using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Finds the prefecture (「大阪府」, or 「大阪」 as people say it) and the municipality written after
/// it (「神奈川県横浜市」 gives 横浜市). A city alone is accepted only when its prefecture is beyond
/// doubt (designated cities and prefectural capitals).
/// </summary>
/// <remarks>
/// A short prefecture name is also part of many municipality names (大阪市福島区, 東広島市, 石川町),
/// so it counts only where it starts a word and is not directly followed by 区, 町, 村 or 郡.
/// </remarks>
internal static partial class AreaParser
{
    private const string AskPrefecture = "都道府県名を教えてください（例：大阪府、東京都）。";

    /// <summary>Parses <paramref name="text"/> as a prefecture and optional municipality.</summary>
    public static Parsed<Area> Parse(string? text)
    {
        var normalized = PlaceReadings.ToKanji(JapaneseText.Normalize(text));
        if (normalized.Length == 0)
        {
            return Parsed<Area>.Invalid();
        }

        if (UnknownAnswer.Matches(normalized))
        {
            return Parsed<Area>.Unknown();
        }

        var mentions = PrefectureMentions(normalized);
        if (mentions.Select(m => m.Prefecture).Distinct().Count() > 1)
        {
            return Parsed<Area>.Invalid("都道府県を一つだけ教えてください。");
        }

        var cities = WellKnownCityMentions(normalized);
        if (mentions.Count == 0)
        {
            return cities.Select(c => Prefectures.WellKnownCities[c]).Distinct().Count() switch
            {
                1 => Parsed<Area>.Ok(new Area(Prefectures.WellKnownCities[cities[0]], cities[0])),
                0 when AnyMunicipality().IsMatch(normalized) =>
                    Parsed<Area>.Invalid("都道府県名も教えてください（例：静岡県富士市）。"),
                0 => Parsed<Area>.Invalid(AskPrefecture),
                _ => Parsed<Area>.Invalid("市を一つだけ教えてください。"),
            };
        }

        var first = mentions.OrderBy(m => m.Start).First();
        var city = CityAfter(normalized, first);
        if (city is null && cities.Count == 1)
        {
            city = cities[0];
        }

        // 「大阪府横浜市」 is a contradiction; storing either half would be a guess.
        var cityPrefecture = city is null ? null : PrefectureOfCity(city);
        if (cityPrefecture is not null && cityPrefecture != first.Prefecture)
        {
            return Parsed<Area>.Invalid($"{city}は{cityPrefecture}です。都道府県と市区町村をもう一度教えてください。");
        }

        return Parsed<Area>.Ok(new Area(first.Prefecture, city));
    }

    /// <summary>
    /// The places a bare city name shared by two prefectures may mean (「府中」: 東京都府中市 and
    /// 広島県府中市), when nothing else in the text decides; empty otherwise.
    /// </summary>
    public static IReadOnlyList<Area> Candidates(string? text)
    {
        var normalized = PlaceReadings.ToKanji(JapaneseText.Normalize(text));
        if (normalized.Length == 0 || PrefectureMentions(normalized).Count > 0 || WellKnownCityMentions(normalized).Count > 0)
        {
            return [];
        }

        foreach (var (name, prefectures) in Prefectures.AmbiguousCities)
        {
            if (Occurrences(normalized, name).Any(at => at == 0 || !IsNameCharacter(normalized[at - 1])))
            {
                return [.. prefectures.Select(p => new Area(p, name + "市"))];
            }
        }

        return [];
    }

    private static List<Mention> PrefectureMentions(string text)
    {
        var mentions = new List<Mention>();
        foreach (var prefecture in Prefectures.All)
        {
            foreach (var at in Occurrences(text, prefecture))
            {
                mentions.Add(new Mention(prefecture, at, at + prefecture.Length, IsShort: false));
            }
        }

        // 「東京都府中市」 also holds 「京都府」: of two full names that overlap, the first one is written.
        mentions.RemoveAll(m => mentions.Any(other => other.Start < m.Start && m.Start < other.End));

        foreach (var prefecture in Prefectures.All)
        {
            var name = Prefectures.ShortName(prefecture);
            if (name == prefecture)
            {
                continue;
            }

            foreach (var at in Occurrences(text, name))
            {
                var end = at + name.Length;

                // 「京都」 inside 「東京都」 is already part of a full name.
                if (mentions.Any(m => !m.IsShort && at < m.End && end > m.Start))
                {
                    continue;
                }

                if (at > 0 && IsNameCharacter(text[at - 1]))
                {
                    continue;
                }

                if (end < text.Length && text[end] is '区' or '町' or '村' or '郡')
                {
                    continue;
                }

                mentions.Add(new Mention(prefecture, at, end, IsShort: true));
            }
        }

        return mentions;
    }

    private static List<string> WellKnownCityMentions(string text)
    {
        var found = new List<(int Start, string City)>();
        foreach (var city in Prefectures.WellKnownCities.Keys.OrderByDescending(c => c.Length))
        {
            foreach (var at in Occurrences(text, city))
            {
                // 「津市」 inside 「中津市」 or 「大津市」, 「松山市」 inside 「東松山市」: another city.
                if (at > 0 && IsNameCharacter(text[at - 1]) && !EndsWithPrefecture(text, at))
                {
                    continue;
                }

                found.Add((at, city));
            }

            // 「横浜」「よこはま」 without 市, where it is a word of its own.
            var bare = city[..^1];
            if (bare.Length < 2)
            {
                continue;
            }

            foreach (var at in Occurrences(text, bare))
            {
                var end = at + bare.Length;
                if ((at > 0 && IsNameCharacter(text[at - 1]) && !EndsWithPrefecture(text, at))
                    || (end < text.Length && text[end] is '市' or '区' or '町' or '村' or '郡'))
                {
                    continue;
                }

                found.Add((at, city));
            }
        }

        return found.OrderBy(f => f.Start).Select(f => f.City).Distinct().ToList();
    }

    private static string? CityAfter(string text, Mention mention)
    {
        var at = mention.End;
        if (mention.IsShort)
        {
            // 「大阪市」「千葉市」: the capital that shares the prefecture's name.
            if (at < text.Length && text[at] == '市')
            {
                return text[mention.Start..(at + 1)];
            }

            // 「宮城野区」「大阪城」: the short name ran straight into another word.
            if (at < text.Length && IsNameCharacter(text[at]))
            {
                return null;
            }
        }

        var match = Municipality().Match(text, at);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;

        // The shortest name ending in 市町村 is cut too early for 「四日市市」「十日町市」「上市町」.
        var end = match.Groups["name"].Index + name.Length;
        if (end < text.Length && text[end] is '市' or '町' or '村')
        {
            name += text[end];
        }

        return name;
    }

    private static string? PrefectureOfCity(string city)
    {
        if (Prefectures.WellKnownCities.TryGetValue(city, out var prefecture))
        {
            return prefecture;
        }

        // The capitals named like their prefecture (「大阪市」) are not in the table but are just as certain.
        return Prefectures.All.FirstOrDefault(p => p != "北海道" && city == Prefectures.ShortName(p) + "市");
    }

    private static bool EndsWithPrefecture(string text, int at) =>
        Prefectures.All.Any(p => text.AsSpan(0, at).EndsWith(p, StringComparison.Ordinal)
            || text.AsSpan(0, at).EndsWith(Prefectures.ShortName(p), StringComparison.Ordinal));

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static bool IsNameCharacter(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or '々' or (>= '\u30A1' and <= '\u30FA') or 'ー';

    // A municipality right after the prefecture (spaces, 「の」 or a comma allowed between): kanji or
    // katakana (郡 included, 「西多摩郡奥多摩町」), or all hiragana (「さいたま市」「つくば市」).
    [GeneratedRegex(@"\G[\s、,の]*(?<name>(?:[\p{IsCJKUnifiedIdeographs}々ヶケ\p{IsKatakana}ー]{1,12}?|\p{IsHiragana}{2,8}?)[市区町村])")]
    private static partial Regex Municipality();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}々ヶケ\p{IsKatakana}ー]+[市区町村郡]|\p{IsHiragana}{2,8}市")]
    private static partial Regex AnyMunicipality();

    private sealed record Mention(string Prefecture, int Start, int End, bool IsShort);
}
