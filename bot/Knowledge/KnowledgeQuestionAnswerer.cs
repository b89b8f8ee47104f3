using IntakeBot.Dialogs.Conversation;
using IntakeBot.Knowledge;

namespace IntakeBot.Bot.Knowledge;

/// <summary>Answers questions in the conversation from the center's knowledge articles.</summary>
public sealed class KnowledgeQuestionAnswerer(KnowledgeBase knowledge) : IQuestionAnswerer
{
    public IReadOnlyList<string> SuggestedQuestions { get; } = knowledge.Faq.Select(f => f.Question).ToList();

    public Dialogs.Conversation.KnowledgeAnswer? Answer(string question) =>
        knowledge.Answer(question) is FoundAnswer found
            ? new Dialogs.Conversation.KnowledgeAnswer(found.Excerpt, Link(found.ArticleId, found.ArticleTitle, found.Sources))
            : null;

    /// <summary>The 「詳しく」 link and source line of an article.</summary>
    public static ArticleLink Link(string articleId, string title, IEnumerable<SourceDocument> sources) =>
        new(articleId, title, string.Join("、", sources.Select(s => s.Title)));
}
