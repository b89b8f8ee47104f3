namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// Quick reply labels fit in LINE's 20 characters. The button still sends its full value as the
/// message text (up to 300 characters), so the core reads exactly what Web Chat would send; only
/// what the button shows is shorter.
/// </summary>
public static class LineLabels
{
    public const int MaxLabelLength = 20;

    public const int MaxTextLength = 300;

    // Buttons of the catalog longer than 20 characters, with a short label of the same meaning
    // (today only the やさしい日本語 form of 「一時的な場所（友人宅・施設など）」).
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["いまだけ いる ところ（ともだちの いえ など）"] = "いまだけ いる ところ",
    };

    public static string For(string title)
    {
        var label = title.Trim();
        if (label.Length <= MaxLabelLength)
        {
            return label;
        }

        if (Short.TryGetValue(label, out var mapped))
        {
            return mapped;
        }

        // An unforeseen long label: cut, without splitting a surrogate pair.
        var cut = MaxLabelLength - 1;
        if (char.IsHighSurrogate(label[cut - 1]))
        {
            cut--;
        }

        return label[..cut] + "…";
    }
}
