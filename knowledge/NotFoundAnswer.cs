namespace IntakeBot.Knowledge;

/// <summary>
/// The knowledge base has no confident answer. The caller should say it does not know and offer a person
/// (a coordinator); it must not show any article as if it answered the question.
/// </summary>
public sealed record NotFoundAnswer : KnowledgeAnswer
{
    internal NotFoundAnswer(string question, double bestConfidence)
        : base(question)
    {
        BestConfidence = bestConfidence;
    }

    /// <inheritdoc />
    public override bool IsFound => false;

    /// <summary>The confidence of the best candidate, which was below the threshold (for logs and tuning).</summary>
    public double BestConfidence { get; }
}
