using System.Globalization;
using System.Text;
using IntakeBot.Bot.Knowledge;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Knowledge;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// Use c: the model words an answer to a question only from the article sections retrieval found
/// above its threshold. The sources are named by code from the retrieved articles (the core
/// appends them), never taken from the model. Below the threshold the model is not asked at all;
/// an empty, overlong or odd answer, or any failure, leaves the normal retrieval answer.
/// </summary>
public sealed partial class KnowledgePhrasing(LanguageModelGateway gateway, KnowledgeBase knowledge, ILogger<KnowledgePhrasing> logger)
{
    public const int MaxArticles = 3;
    public const int MaxAnswerLength = 300;
    public const string NoAnswer = "NO_ANSWER";

    /// <summary>Says the text is machine-written from the articles (the sources follow it).</summary>
    public const string Label = "（記事をもとに自動で作成した回答です）";

    private const int MaxSectionLength = 1200;

    private const string Task = """
        The DATA holds a question (after 質問:) and numbered excerpts of the center's own articles
        (after 記事1:, 記事2:…). Answer the question in polite, plain Japanese in at most three short
        sentences (at most 200 characters), using ONLY what the excerpts state. Add nothing they do not
        say: no advice of your own, no links, no list of sources (the program adds the sources).
        If the excerpts do not answer the question, reply exactly: NO_ANSWER
        """;

    public async Task<Dialogs.Conversation.KnowledgeAnswer?> PhraseAsync(string question, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var hits = knowledge.Search(question, MaxArticles).Where(h => h.Confidence >= knowledge.Options.MinimumConfidence).ToList();
        if (hits.Count == 0)
        {
            return null; // below the threshold: no answer, and nothing sent
        }

        var data = new StringBuilder().Append("質問: ").AppendLine(question);
        for (var i = 0; i < hits.Count; i++)
        {
            data.AppendLine().Append(CultureInfo.InvariantCulture, $"記事{i + 1}: {hits[i].ArticleTitle}／{hits[i].SectionHeading}").AppendLine();
            data.AppendLine(SectionText(hits[i]));
        }

        var result = await gateway.AskAsync(new ModelRequest(ModelUse.Answer, Task, data.ToString(), timeout, MaxTokens: 400), cancellationToken);
        if (!result.Succeeded)
        {
            return null;
        }

        var text = result.Restore(result.Content!).Trim();
        if (Problem(text) is { } problem)
        {
            LogDropped(logger, problem);
            return null;
        }

        var links = hits.Select(h => KnowledgeQuestionAnswerer.Link(h.ArticleId, h.ArticleTitle, h.Sources)).ToList();
        return new Dialogs.Conversation.KnowledgeAnswer($"{text}\n{Label}", links[0], links.Skip(1).ToList());
    }

    /// <summary>Why a worded answer is not shown, or null when it may be.</summary>
    public static string? Problem(string text) => text switch
    {
        { Length: 0 } => "empty",
        { Length: > MaxAnswerLength } => "too long",
        _ when text.Contains(NoAnswer, StringComparison.OrdinalIgnoreCase) => "no answer",
        _ when text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase) => "link",
        _ when PromptText.LooksLikePrompt(text) => "prompt text",
        _ => null,
    };

    private string SectionText(SearchHit hit)
    {
        var section = knowledge.GetArticle(hit.ArticleId)?.Sections.FirstOrDefault(s => s.Heading == hit.SectionHeading);
        var text = section?.PlainText ?? hit.Excerpt;
        return text.Length <= MaxSectionLength ? text : text[..MaxSectionLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model answer dropped ({Reason}); the retrieval answer is shown")]
    private static partial void LogDropped(ILogger logger, string reason);
}
