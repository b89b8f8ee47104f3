namespace IntakeBot.Dialogs.Conversation;

/// <summary>Answers a user's question from the center's knowledge, or admits it cannot.</summary>
public interface IQuestionAnswerer
{
    /// <summary>The answer, or null when the knowledge does not cover the question (never a guess).</summary>
    KnowledgeAnswer? Answer(string question);

    /// <summary>Starter questions for the FAQ menu (button texts, each answerable by <see cref="Answer"/>).</summary>
    IReadOnlyList<string> SuggestedQuestions { get; }
}
