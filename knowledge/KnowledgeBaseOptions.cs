namespace IntakeBot.Knowledge;

/// <summary>Tuning knobs for <see cref="KnowledgeBase"/>; the defaults are the ones the eval set was measured with.</summary>
public sealed record KnowledgeBaseOptions
{
    /// <summary>The defaults.</summary>
    public static KnowledgeBaseOptions Default { get; } = new();

    /// <summary>
    /// Below this confidence (see <see cref="SearchHit.Confidence"/>), <see cref="KnowledgeBase.Answer"/> returns
    /// <see cref="NotFoundAnswer"/>.
    /// </summary>
    public double MinimumConfidence { get; init; } = 0.35;

    /// <summary>The longest excerpt, in characters.</summary>
    public int MaxExcerptLength { get; init; } = 200;
}
