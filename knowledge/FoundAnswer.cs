namespace IntakeBot.Knowledge;

/// <summary>An answer taken from the best-matching section of one article, with where it came from.</summary>
public sealed record FoundAnswer : KnowledgeAnswer
{
    internal FoundAnswer(string question, SearchHit hit)
        : base(question)
    {
        ArticleId = hit.ArticleId;
        ArticleTitle = hit.ArticleTitle;
        SectionHeading = hit.SectionHeading;
        Excerpt = hit.Excerpt;
        Confidence = hit.Confidence;
        Sources = hit.Sources;
    }

    /// <inheritdoc />
    public override bool IsFound => true;

    /// <summary>The article identifier, for a 「詳しく」 link to <see cref="KnowledgeBase.GetArticle"/>.</summary>
    public string ArticleId { get; }

    /// <summary>The article title.</summary>
    public string ArticleTitle { get; }

    /// <summary>The heading of the section the excerpt is taken from.</summary>
    public string SectionHeading { get; }

    /// <summary>A short plain-text excerpt of the section (at most <see cref="KnowledgeBaseOptions.MaxExcerptLength"/> characters).</summary>
    public string Excerpt { get; }

    /// <summary>The confidence (0–1) that made this a found answer.</summary>
    public double Confidence { get; }

    /// <summary>The documents the answer comes from; never empty.</summary>
    public IReadOnlyList<SourceDocument> Sources { get; }
}
