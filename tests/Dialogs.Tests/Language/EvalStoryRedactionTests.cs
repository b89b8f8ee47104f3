using System.Runtime.CompilerServices;
using System.Text.Json;
using IntakeBot.Dialogs.Language;

namespace IntakeBot.Dialogs.Tests.Language;

/// <summary>
/// What would leave the machine for every story of the eval set (dialogs/eval) when a model or
/// Azure AI Language is on: the story with the contact details people add to it. The eval
/// stories themselves were written without names or numbers, so each gets a realistic tail.
/// </summary>
public sealed class EvalStoryRedactionTests
{
    private static readonly LocalPiiRedactor Redactor = new();

    /// <summary>Sentences people append, and the raw pieces of them that must never be sent.</summary>
    private static readonly (string Sentence, string[] Raw)[] Tails =
    [
        ("私は山本と申します。電話は090-1234-5678です。", ["山本", "090-1234-5678"]),
        ("父の名前は佐藤一郎です。昭和28年5月1日生まれです。", ["佐藤一郎", "昭和28年5月1日"]),
        ("連絡は suzuki.hanako@example.jp か 045-123-4567 にお願いします。", ["suzuki.hanako@example.jp", "045-123-4567"]),
        ("住所は〒231-0023 横浜市中区山下町1-2-3です。田中さんの家です。", ["231-0023", "山下町1-2-3", "田中"]),
        ("弁護人の高橋です。被告人山田太郎さんの件です。", ["高橋", "山田太郎"]),
        ("マイナンバーは123456789018です。", ["123456789018"]),
    ];

    public static TheoryData<string, string> Stories()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoRoot(), "dialogs", "eval", "stories.ja.jsonl")))
        {
            using var story = JsonDocument.Parse(line);
            data.Add(story.RootElement.GetProperty("id").GetString()!, story.RootElement.GetProperty("text").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void No_raw_personal_information_of_an_eval_story_would_be_sent_and_all_of_it_comes_back(string id, string text)
    {
        var (tail, raw) = Tails[int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % Tails.Length];
        var written = text + tail;

        var redacted = Redactor.Redact(written);

        Assert.All(raw, piece => Assert.DoesNotContain(piece, redacted.Text, StringComparison.Ordinal));
        Assert.Equal(written, redacted.Restore(redacted.Text));
    }

    [Fact]
    public void The_eval_set_is_all_there()
    {
        Assert.True(Stories().Count >= 60);
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
