using IntakeBot.Knowledge.Loading;
using IntakeBot.Knowledge.Retrieval;

namespace IntakeBot.Knowledge;

/// <summary>
/// The center's knowledge: articles loaded once at start-up and searched with Japanese-aware retrieval
/// (character bigrams and kanji unigrams, BM25F over title, heading, body and front-matter keywords, after
/// folding width, kana and spelling variants). Immutable after loading and safe to share between threads.
/// </summary>
public sealed class KnowledgeBase
{
    // A section that holds the asked-for kind of answer is shown instead of the best one when it scores at least this share of it.
    private const double FramedSectionMinShare = 0.5;

    private readonly SectionIndex index;
    private readonly Dictionary<string, Article> articlesById;

    private KnowledgeBase(
        IReadOnlyList<Article> articles,
        IReadOnlyList<FaqEntry> faq,
        IReadOnlyList<SourceDocument> sources,
        KnowledgeBaseOptions options)
    {
        Articles = articles;
        Faq = faq;
        Sources = sources;
        Options = options;
        articlesById = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        index = new SectionIndex(articles.SelectMany(a => a.Sections.Select(s => new IndexedSection(a, s))));
    }

    /// <summary>
    /// Where the articles are copied in a consumer's output: <c>knowledge/articles</c> under
    /// <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    public static string DefaultArticlesDirectory => Path.Combine(AppContext.BaseDirectory, "knowledge", "articles");

    /// <summary>All articles, ordered by id.</summary>
    public IReadOnlyList<Article> Articles { get; }

    /// <summary>Suggested starter questions for a FAQ menu, in display order.</summary>
    public IReadOnlyList<FaqEntry> Faq { get; }

    /// <summary>The documents that articles cite.</summary>
    public IReadOnlyList<SourceDocument> Sources { get; }

    /// <summary>The options this knowledge base answers with.</summary>
    public KnowledgeBaseOptions Options { get; }

    /// <summary>Loads the articles copied next to the application (<see cref="DefaultArticlesDirectory"/>).</summary>
    /// <returns>The loaded knowledge base.</returns>
    /// <exception cref="KnowledgeLoadException">An article or catalog file is missing or breaks a rule.</exception>
    public static KnowledgeBase LoadDefault() => Load(DefaultArticlesDirectory);

    /// <summary>
    /// Loads every <c>*.md</c> article of <paramref name="articlesDirectory"/>, with <c>_sources.yml</c> (the
    /// documents articles may cite) and the optional <c>_faq.yml</c>, and builds the search index.
    /// </summary>
    /// <param name="articlesDirectory">The folder holding the articles.</param>
    /// <param name="options">Thresholds; <see cref="KnowledgeBaseOptions.Default"/> when omitted.</param>
    /// <returns>The loaded knowledge base.</returns>
    /// <exception cref="KnowledgeLoadException">An article or catalog file is missing, malformed, or duplicated.</exception>
    public static KnowledgeBase Load(string articlesDirectory, KnowledgeBaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articlesDirectory);
        if (!Directory.Exists(articlesDirectory))
        {
            throw new KnowledgeLoadException($"The articles folder {articlesDirectory} does not exist.");
        }

        var sources = ArticleReader.ReadSources(articlesDirectory);
        var articles = new List<Article>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(articlesDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            var article = ArticleReader.ReadArticle(path, sources);
            if (!seen.Add(article.Id))
            {
                throw new KnowledgeLoadException($"{path}: id '{article.Id}' is used by another article.");
            }

            articles.Add(article);
        }

        if (articles.Count == 0)
        {
            throw new KnowledgeLoadException($"The articles folder {articlesDirectory} holds no *.md article.");
        }

        var faq = ArticleReader.ReadFaq(articlesDirectory, articles.ToDictionary(a => a.Id, StringComparer.Ordinal));
        return new KnowledgeBase(articles, faq, sources.Values.ToList(), options ?? KnowledgeBaseOptions.Default);
    }

    /// <summary>Finds an article by id, for a full-article page.</summary>
    /// <param name="id">The article id.</param>
    /// <returns>The article, or <see langword="null"/> when no article has that id.</returns>
    public Article? GetArticle(string id) =>
        id is not null && articlesById.TryGetValue(id, out var article) ? article : null;

    /// <summary>
    /// Ranks articles for <paramref name="query"/>: one hit per article (its best section), best first. Low-confidence
    /// hits are included; use <see cref="Answer"/> when only a confident answer may be shown.
    /// </summary>
    /// <param name="query">A question or keywords in Japanese.</param>
    /// <param name="top">The most hits to return.</param>
    /// <returns>Up to <paramref name="top"/> hits; empty when nothing matches.</returns>
    public IReadOnlyList<SearchHit> Search(string query, int top = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var folded = JapaneseFolding.Fold(query);
        var frame = AnswerFrames.Detect(folded);
        return index.Score(folded)
            .GroupBy(r => index[r.Doc].Article.Id, StringComparer.Ordinal)
            .Select(g => (Best: g.MaxBy(r => r.Score), Sections: g))
            .OrderByDescending(r => r.Best.Score)
            .ThenBy(r => index[r.Best.Doc].Article.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(r => ToHit(SectionFor(frame, r.Sections), r.Best.Score, r.Best.Confidence, folded, frame))
            .ToList();
    }

    /// <summary>
    /// Answers <paramref name="question"/> from the best-matching article section, or says it does not know:
    /// a <see cref="NotFoundAnswer"/> when the best match's confidence is below
    /// <see cref="KnowledgeBaseOptions.MinimumConfidence"/>. It never guesses.
    /// </summary>
    /// <param name="question">The user's question in Japanese.</param>
    /// <returns>A <see cref="FoundAnswer"/> with excerpt, article and source, or a <see cref="NotFoundAnswer"/>.</returns>
    public KnowledgeAnswer Answer(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var best = Search(question, 1);
        if (best.Count == 0)
        {
            return new NotFoundAnswer(question, 0);
        }

        var hit = best[0];
        return hit.Confidence >= Options.MinimumConfidence
            ? new FoundAnswer(question, hit)
            : new NotFoundAnswer(question, hit.Confidence);
    }

    /// <summary>For tuning only: how <paramref name="query"/> is folded and which terms match where.</summary>
    internal IEnumerable<string> Explain(string query)
    {
        var folded = JapaneseFolding.Fold(query);
        return index.Explain(folded).Prepend($"folded: {folded} | content: {QuestionFrames.Strip(folded)}");
    }

    /// <summary>
    /// The section of one article to show: the best-scoring one, unless the question asks how long, how much, which
    /// kinds or who and another section that scores nearly as well holds that kind of answer (「入院の期間」 for
    /// 「入院はどのくらい」). Which article ranks where, and whether it is confident enough, stay the best section's.
    /// </summary>
    private int SectionFor(AnswerFrame frame, IEnumerable<(int Doc, double Score, double Confidence)> sections)
    {
        var best = sections.MaxBy(r => r.Score);
        if (frame == AnswerFrame.None || index.Holds(best.Doc, frame))
        {
            return best.Doc;
        }

        var framed = sections
            .Where(r => r.Score >= best.Score * FramedSectionMinShare && index.Holds(r.Doc, frame))
            .OrderByDescending(r => r.Score)
            .ToList();
        return framed.Count > 0 ? framed[0].Doc : best.Doc;
    }

    private SearchHit ToHit(int doc, double score, double confidence, string foldedQuery, AnswerFrame frame)
    {
        var (article, section) = index[doc];
        return new SearchHit(
            article.Id,
            article.Title,
            section.Heading,
            ExcerptBuilder.Build(section.PlainText, foldedQuery, Options.MaxExcerptLength, frame),
            score,
            confidence,
            article.Sources);
    }
}
