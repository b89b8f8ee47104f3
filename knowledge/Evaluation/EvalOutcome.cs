namespace IntakeBot.Knowledge.Evaluation;

/// <summary>What the knowledge base did with one eval question.</summary>
/// <param name="Case">The question.</param>
/// <param name="RankedArticleIds">The article ids <see cref="KnowledgeBase.Search"/> returned, best first (up to 3).</param>
/// <param name="Answer">What <see cref="KnowledgeBase.Answer"/> returned.</param>
public sealed record EvalOutcome(EvalCase Case, IReadOnlyList<string> RankedArticleIds, KnowledgeAnswer Answer)
{
    /// <summary>The best-ranked article is one of the expected ones.</summary>
    public bool Top1 => RankedArticleIds.Count > 0 && Case.ExpectedArticleIds.Contains(RankedArticleIds[0]);

    /// <summary>One of the three best-ranked articles is an expected one.</summary>
    public bool Top3 => RankedArticleIds.Take(3).Any(Case.ExpectedArticleIds.Contains);

    /// <summary>The answer is correct: the right article for an in-scope question, NotFound for an out-of-scope one.</summary>
    public bool Correct => Case.IsOutOfScope
        ? !Answer.IsFound
        : Answer is FoundAnswer found && Case.ExpectedArticleIds.Contains(found.ArticleId);
}
