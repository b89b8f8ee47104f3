using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Bench;

/// <summary>
/// Runs every corpus answer through its question, as the conversation does (a fresh record, the
/// question's own Apply), and counts per question: stored right, asked back, stored wrong, refused.
/// </summary>
public sealed class AnswerScore
{
    private static readonly CenterProfile Center = new() { Name = "ベンチ", Prefecture = "神奈川県" };

    public Dictionary<IntakeStep, Dictionary<AnswerOutcome, int>> Counts { get; } = [];

    public List<string> Errors { get; } = [];

    public static AnswerScore Run(IReadOnlyList<AnswerCase> cases)
    {
        var catalog = new QuestionCatalog(Center);
        var score = new AnswerScore();
        foreach (var answer in cases)
        {
            var (outcome, got) = Judge(catalog[answer.Step], answer);
            var counts = score.Counts.TryGetValue(answer.Step, out var c) ? c : score.Counts[answer.Step] = [];
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            if (outcome == AnswerOutcome.StoredWrong || (outcome != AnswerOutcome.StoredRight && got != answer.Expected))
            {
                score.Errors.Add($"{outcome,-12} {answer.Step,-22} 「{answer.Text}」 expected {answer.Expected}, got {got}");
            }
        }

        return score;
    }

    public int Total(AnswerOutcome outcome) => Counts.Values.Sum(c => c.GetValueOrDefault(outcome));

    private static (AnswerOutcome Outcome, string Got) Judge(Question question, AnswerCase answer)
    {
        var record = new IntakeRecord();
        var check = question.Apply(answer.Text, record, StoryCase.Today);
        if (check.AskBack is not null)
        {
            return (AnswerOutcome.AskedBack, AnswerCase.AskBack);
        }

        if (!check.Accepted)
        {
            return (AnswerOutcome.Refused, AnswerCase.Refused);
        }

        var stored = question.Describe(record) ?? Question.UnknownLabel;
        return (stored == answer.Expected ? AnswerOutcome.StoredRight : AnswerOutcome.StoredWrong, stored);
    }
}
