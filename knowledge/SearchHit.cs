namespace IntakeBot.Knowledge;

/// <summary>One search result: the best-matching section of one article.</summary>
/// <param name="ArticleId">The article identifier, for a 「詳しく」 link to <see cref="KnowledgeBase.GetArticle"/>.</param>
/// <param name="ArticleTitle">The article title.</param>
/// <param name="SectionHeading">
/// The heading of the section shown: the one that matched best, or, when the question asks how long, how much, which
/// kinds, who or who qualifies, a section of the same article that scores nearly as well and holds that kind of answer.
/// </param>
/// <param name="Excerpt">A short plain-text excerpt of that section.</param>
/// <param name="Score">The ranking score of the article's best section (BM25 over character n-grams; only comparable within one query).</param>
/// <param name="Confidence">
/// Share (0–1) of the query's informative character n-grams, weighted by rarity, that the article's best section contains.
/// <see cref="KnowledgeBase.Answer"/> compares it with <see cref="KnowledgeBaseOptions.MinimumConfidence"/>.
/// </param>
/// <param name="Sources">The documents the article was written from.</param>
public sealed record SearchHit(
    string ArticleId,
    string ArticleTitle,
    string SectionHeading,
    string Excerpt,
    double Score,
    double Confidence,
    IReadOnlyList<SourceDocument> Sources);
