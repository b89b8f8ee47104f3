using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Matches free text against the options of a choice question: the label, its 1-based number
/// (「1」「①」「1番」) or any synonym mentioned in the text (「母です」 for a synonym 「母」).
/// </summary>
/// <remarks>
/// When two mentions overlap, the longer one is the word the user wrote (「祖母」 contains 「母」).
/// Two separate mentions of different options in a single-choice answer are not resolved by
/// length: 「本人の母です」 names both 本人 and 母, and picking either would be a guess.
/// A mention followed by a negation (「母ではなく」「父はいません」「療育手帳以外」) does not select.
/// </remarks>
internal static partial class ChoiceParser
{
    private const string PickOne = "一つだけ選んでください。";

    // The buttons carry no numbers, so the text does not ask for one.
    private const string NothingMatched = "ボタンから選ぶか、ことばで書いてください。";

    private const string NumberSuffix = @"\s*(?:番目?|つ目)?";

    // What people add around a bare number (「2番です。」) without changing which option it names.
    private const string PoliteTail = @"\s*(?:です|でお願いします|をお願いします|を選びます|にします|で)?\s*[。.!、,]*$";

    private static readonly string[] Negations =
    [
        "ではな", "じゃな", "ではありません", "じゃありません", "でな", "以外", "ちがう", "違う", "違い",
        "はいな", "はいません", "はな", "はありません", "もな", "もいません", "もありません",
        "なし", "無し", "抜き", "を除", "除く",
    ];

    /// <summary>Parses a single-choice answer.</summary>
    public static Parsed<T> ParseOne<T>(string? text, IReadOnlyList<Choice<T>> choices)
    {
        var prepared = Prepare(text);
        if (prepared.Length == 0 || choices.Count == 0)
        {
            return Parsed<T>.Invalid();
        }

        var exact = ExactMatches(prepared, choices);
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? Parsed<T>.Ok(exact[0]) : Parsed<T>.Invalid(PickOne);
        }

        if (UnknownAnswer.Matches(prepared))
        {
            return Parsed<T>.Unknown();
        }

        var number = SingleNumber().Match(prepared);
        if (number.Success)
        {
            var index = Number(number.Groups["n"]);
            return index >= 1 && index <= choices.Count
                ? Parsed<T>.Ok(choices[index - 1].Value)
                : Parsed<T>.Invalid(OutOfRange(choices.Count));
        }

        if (NumberList().IsMatch(prepared))
        {
            return Parsed<T>.Invalid(PickOne);
        }

        var mentioned = MentionedAllowingSpaces(prepared, choices);
        return mentioned.Count switch
        {
            0 => Parsed<T>.Invalid(NothingMatched),
            1 => Parsed<T>.Ok(mentioned[0]),
            _ => Parsed<T>.Invalid(PickOne),
        };
    }

    /// <summary>Parses a multiple-choice answer; at least one option must be chosen.</summary>
    public static Parsed<IReadOnlyList<T>> ParseMany<T>(string? text, IReadOnlyList<Choice<T>> choices)
    {
        var prepared = Prepare(text);
        if (prepared.Length == 0 || choices.Count == 0)
        {
            return Parsed<IReadOnlyList<T>>.Invalid();
        }

        var exact = ExactMatches(prepared, choices);
        if (exact.Count > 0)
        {
            return Parsed<IReadOnlyList<T>>.Ok(exact);
        }

        if (UnknownAnswer.Matches(prepared))
        {
            return Parsed<IReadOnlyList<T>>.Unknown();
        }

        if (NumberList().IsMatch(prepared))
        {
            var values = new List<T>();
            foreach (Match number in Digits().Matches(prepared))
            {
                var index = Number(number);
                if (index < 1 || index > choices.Count)
                {
                    return Parsed<IReadOnlyList<T>>.Invalid(OutOfRange(choices.Count));
                }

                AddOnce(values, choices[index - 1].Value);
            }

            return Parsed<IReadOnlyList<T>>.Ok(values);
        }

        var mentioned = MentionedAllowingSpaces(prepared, choices);
        return mentioned.Count == 0
            ? Parsed<IReadOnlyList<T>>.Invalid(NothingMatched)
            : Parsed<IReadOnlyList<T>>.Ok(mentioned);
    }

    private static string Prepare(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        // NFKC turns 「①③」 into 「13」, which would read as option thirteen; a space keeps them apart.
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var circled = c switch
            {
                >= '\u2460' and <= '\u2473' => c - '\u2460' + 1,
                >= '\u2776' and <= '\u277F' => c - '\u2776' + 1,
                _ => 0,
            };
            if (circled > 0)
            {
                builder.Append(' ').Append(circled.ToString(CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return JapaneseText.Normalize(builder.ToString()).ToLowerInvariant();
    }

    private static string Key(string term) => JapaneseText.Normalize(term).ToLowerInvariant();

    private static List<T> ExactMatches<T>(string prepared, IReadOnlyList<Choice<T>> choices)
    {
        var bare = prepared.TrimEnd('。', '.', '!', '、', ',', ' ');
        var values = new List<T>();
        foreach (var choice in choices)
        {
            if (Key(choice.Label) == bare || choice.Synonyms.Any(s => Key(s) == bare))
            {
                AddOnce(values, choice.Value);
            }
        }

        return values;
    }

    // 「けいむしょを でました」: people typing kana leave spaces between phrases.
    private static List<T> MentionedAllowingSpaces<T>(string prepared, IReadOnlyList<Choice<T>> choices)
    {
        // Read without the spaces, so 「けいむしょを でました」 is the longer 「けいむしょをで」 (出た), not
        // 「けいむしょ」 (入っている); if that finds nothing, the spaced text is tried as it is.
        if (!prepared.Contains(' ', StringComparison.Ordinal))
        {
            return Mentioned(prepared, choices);
        }

        var joined = Mentioned(prepared.Replace(" ", string.Empty, StringComparison.Ordinal), choices);
        return joined.Count > 0 ? joined : Mentioned(prepared, choices);
    }

    private static List<T> Mentioned<T>(string prepared, IReadOnlyList<Choice<T>> choices)
    {
        var mentions = new List<(int Start, int Length, T Value, bool Negated)>();
        foreach (var choice in choices)
        {
            foreach (var term in choice.Synonyms.Prepend(choice.Label).Select(Key).Where(t => t.Length > 0).Distinct())
            {
                for (var at = prepared.IndexOf(term, StringComparison.Ordinal); at >= 0;
                     at = prepared.IndexOf(term, at + 1, StringComparison.Ordinal))
                {
                    mentions.Add((at, term.Length, choice.Value, IsNegated(prepared, at + term.Length)));
                }
            }
        }

        // A negated mention still claims its span, so the 「母」 inside 「祖母ではない」 stays unread.
        var claimed = new bool[prepared.Length];
        var kept = new List<(int Start, T Value)>();
        foreach (var mention in mentions.OrderByDescending(m => m.Length).ThenBy(m => m.Start))
        {
            if (Enumerable.Range(mention.Start, mention.Length).Any(i => claimed[i]))
            {
                continue;
            }

            for (var i = mention.Start; i < mention.Start + mention.Length; i++)
            {
                claimed[i] = true;
            }

            if (!mention.Negated)
            {
                kept.Add((mention.Start, mention.Value));
            }
        }

        var values = new List<T>();
        foreach (var (_, value) in kept.OrderBy(k => k.Start))
        {
            AddOnce(values, value);
        }

        return values;
    }

    private static bool IsNegated(string prepared, int after)
    {
        var rest = prepared.AsSpan(after).TrimStart();
        foreach (var negation in Negations)
        {
            if (rest.StartsWith(negation, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddOnce<T>(List<T> values, T value)
    {
        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }

    private static string OutOfRange(int count) => $"その番号の選択肢はありません（{count}つまでです）。ボタンから選ぶか、ことばで書いてください。";

    private static int Number(Capture capture) =>
        int.Parse(capture.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<n>\d{1,2})" + NumberSuffix + PoliteTail)]
    private static partial Regex SingleNumber();

    [GeneratedRegex(@"^\d{1,2}" + NumberSuffix + @"(?:\s*(?:と|、|,|・|や|/|&|及び|および|\s)\s*\d{1,2}" + NumberSuffix + ")*" + PoliteTail)]
    private static partial Regex NumberList();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
