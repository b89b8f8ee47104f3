namespace IntakeBot.Knowledge.Evaluation;

/// <summary>A question whose answer must come from a particular section, not only from the right article.</summary>
/// <param name="Question">The question as a user would type it.</param>
/// <param name="ExpectedArticleIds">Articles that answer it.</param>
/// <param name="ExpectedSections">Headings of the sections that hold the answer (in any of those articles).</param>
/// <param name="Frame">What the question asks for: duration, amount, kinds or actor.</param>
public sealed record PassageCase(string Question, IReadOnlyList<string> ExpectedArticleIds, IReadOnlyList<string> ExpectedSections, string Frame)
{
    /// <summary>True when <paramref name="answer"/> comes from an expected article and one of the expected sections.</summary>
    /// <param name="answer">What <see cref="KnowledgeBase.Answer"/> returned.</param>
    /// <returns>Whether the passage is the right one.</returns>
    public bool IsAnsweredBy(KnowledgeAnswer answer) =>
        answer is FoundAnswer found
        && ExpectedArticleIds.Contains(found.ArticleId, StringComparer.Ordinal)
        && ExpectedSections.Contains(found.SectionHeading, StringComparer.Ordinal);
}
