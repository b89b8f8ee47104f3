using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// Asks the model, before the turn's transaction, what this turn could use: the facts of a first
/// long story the rules read little of (use a) and the wording of a knowledge answer (use c), both
/// at once and within <see cref="LanguageModelOptions.TimeoutSeconds"/>. Whatever fails or is
/// dropped leaves the rules' result of the probe.
/// </summary>
public sealed class LanguageModelTurnPreparer(
    StoryExtraction stories,
    KnowledgePhrasing answers,
    IOptions<LanguageModelOptions> options) : ITurnPreparer
{
    public async Task<UserInput?> PrepareAsync(IntakeState saved, UserInput input, TurnResult probe, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var story = settings.StoryExtraction ? StoryExtraction.Candidate(saved, probe, settings.MinStoryLength) : null;
        var question = settings.KnowledgeAnswers ? probe.QuestionsAnswered.FirstOrDefault(q => q.Answer is not null) : null;
        if (story is null && question is null)
        {
            return null;
        }

        var facts = story is null
            ? Task.FromResult<Dialogs.Understanding.StoryFacts?>(null)
            : stories.ReadAsync(story.Text, IntakeConversation.CenterDate(now), settings.Timeout, cancellationToken);
        var answer = question is null
            ? Task.FromResult<KnowledgeAnswer?>(null)
            : answers.PhraseAsync(question.Question, settings.Timeout, cancellationToken);
        await Task.WhenAll(facts, answer);

        var prepared = input;
        if (story is not null && await facts is { } read)
        {
            prepared = prepared.WithStory(story.Text, read);
        }

        if (question is not null && await answer is { } worded)
        {
            prepared = prepared.WithAnswer(question.Question, worded);
        }

        return ReferenceEquals(prepared, input) ? null : prepared;
    }
}
