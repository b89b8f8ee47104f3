namespace IntakeBot.Dialogs.Conversation;

/// <summary>The answerer used when no knowledge base is wired in: it knows nothing, so the user is offered a person.</summary>
public sealed class NoKnowledge : IQuestionAnswerer
{
    public static NoKnowledge Instance { get; } = new();

    public KnowledgeAnswer? Answer(string question) => null;

    public IReadOnlyList<string> SuggestedQuestions => [];
}
