using System.Text.Json;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Bench;

/// <summary>
/// One typed answer of the answer corpus: the text as a person wrote it, the question it answers,
/// and what must come of it: the stored value as the review shows it, 「askback」 (confirm first) or
/// 「refused」 (asked again).
/// </summary>
public sealed record AnswerCase(IntakeStep Step, string Text, string Expected)
{
    public const string AskBack = "askback";
    public const string Refused = "refused";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "eval", "answers.ja.jsonl");

    public static IReadOnlyList<AnswerCase> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select(line =>
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                return new AnswerCase(
                    Enum.Parse<IntakeStep>(root.GetProperty("step").GetString()!),
                    root.GetProperty("text").GetString()!,
                    root.GetProperty("expect").GetString()!);
            })
            .ToList();
}
