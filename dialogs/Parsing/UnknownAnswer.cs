namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Recognises 「わからない」-type answers. Every parser asks this first, so that a user who does not
/// know is recorded as not knowing instead of being asked the same question again and again.
/// </summary>
internal static class UnknownAnswer
{
    // Grouped by verb so that a missing conjugation is easy to spot.
    private static readonly string[] Phrases =
    [
        "わからない", "分からない", "判らない", "解らない",
        "わかりません", "分かりません", "判りません", "解りません",
        "わかんない", "分かんない", "わかんねえ",
        "わからん", "分からん",
        "知らない", "しらない", "知りません", "しりません", "知らん",
        "存じません", "存じ上げません",
        "覚えていない", "覚えてない", "覚えていません", "覚えてません", "おぼえていない", "おぼえてない",
        "不明", "不詳",
    ];

    // A double negative (「わからないわけではない」) means the opposite of not knowing.
    private static readonly string[] Cancellers =
    [
        "わけではな", "わけじゃな", "わけでもな", "ことはな", "こともな", "とは言えな", "とはいえな",
    ];

    // Words that contain a phrase above but do not say "I don't know" (a missing person is 「行方不明」).
    private static readonly string[] FalseFriends = ["行方不明", "不明瞭"];

    /// <summary>True when the already normalised text says the user does not know the answer.</summary>
    public static bool Matches(string normalized)
    {
        foreach (var phrase in Phrases)
        {
            var start = 0;
            while (start < normalized.Length)
            {
                var at = normalized.IndexOf(phrase, start, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                if (!IsFalseFriend(normalized, at) && !IsCancelled(normalized, at + phrase.Length))
                {
                    return true;
                }

                start = at + phrase.Length;
            }
        }

        return false;
    }

    private static bool IsCancelled(string text, int after)
    {
        var rest = text.AsSpan(after).TrimStart();
        foreach (var canceller in Cancellers)
        {
            if (rest.StartsWith(canceller, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFalseFriend(string text, int at)
    {
        foreach (var word in FalseFriends)
        {
            var from = Math.Max(0, at - word.Length + 1);
            var to = Math.Min(text.Length, at + word.Length);
            if (text.AsSpan(from, to - from).Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
