using System.Globalization;
using System.Text.Json;

namespace IntakeBot.Dialogs.Bench;

/// <summary>One story of the eval set and the facts a careful coordinator would record from it.</summary>
public sealed record StoryCase(string Id, string Register, string Text, IReadOnlyDictionary<string, JsonElement> Expected)
{
    /// <summary>The day the eval set's relative dates are relative to.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>
    /// Stories whose id number is divisible by 5 (s005, s010, …) are held out: rules are tuned on
    /// the others and measured on these at the end, so the figures are not only a fit to seen text.
    /// </summary>
    public bool IsHeldOut => int.TryParse(Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n % 5 == 0;

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "eval", "stories.ja.jsonl");

    public static IReadOnlyList<StoryCase> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select(line =>
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var expected = root.GetProperty("expected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
                return new StoryCase(root.GetProperty("id").GetString()!, root.GetProperty("register").GetString()!, root.GetProperty("text").GetString()!, expected);
            })
            .ToList();
}
