using IntakeBot.Dialogs.Bench;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>The typed-answer corpus (dialogs/eval/answers.ja.jsonl): nothing a person types is stored wrong.</summary>
public sealed class AnswerCorpusTests
{
    private static readonly IReadOnlyList<AnswerCase> Cases = AnswerCase.Load(AnswerCase.DefaultPath);

    [Fact]
    public void The_corpus_has_at_least_400_answers_across_every_question()
    {
        var catalog = new IntakeBot.Dialogs.Questions.QuestionCatalog(ConversationDriver.Center);

        Assert.True(Cases.Count >= 400, $"{Cases.Count} answers");
        Assert.Empty(catalog.All.Select(q => q.Step).Except(Cases.Select(c => c.Step)));
    }

    [Fact]
    public void No_typed_answer_of_the_corpus_is_stored_wrong()
    {
        var score = AnswerScore.Run(Cases);

        Assert.True(score.Total(AnswerOutcome.StoredWrong) == 0, string.Join("\n", score.Errors));
    }

    [Fact]
    public void No_typed_answer_is_stored_wrong_when_read_as_the_conversation_reads_it_with_plain_labels_taken_back()
    {
        // A message that is exactly a plain button label (「けいさつ」) reaches the question as the standard label.
        var asRead = Cases.Select(c => c with { Text = PlainLabels.ToStandard(IntakeBot.Dialogs.Parsing.JapaneseText.Normalize(c.Text)) ?? c.Text }).ToList();

        var score = AnswerScore.Run(asRead);

        Assert.True(score.Total(AnswerOutcome.StoredWrong) == 0, string.Join("\n", score.Errors));
        Assert.True(score.Total(AnswerOutcome.Refused) <= AnswerScore.Run(Cases).Total(AnswerOutcome.Refused));
    }

    [Fact]
    public void Answers_the_corpus_says_need_a_confirmation_are_asked_back_not_stored()
    {
        var score = AnswerScore.Run([.. Cases.Where(c => c.Expected == AnswerCase.AskBack)]);

        Assert.Equal(Cases.Count(c => c.Expected == AnswerCase.AskBack), score.Total(AnswerOutcome.AskedBack));
    }
}
