namespace IntakeBot.Knowledge.Evaluation;

/// <summary>Accuracy of a knowledge base on an eval set.</summary>
public sealed class EvalReport
{
    /// <summary>Creates the report from the outcome of every question.</summary>
    /// <param name="outcomes">One outcome per eval question.</param>
    public EvalReport(IReadOnlyList<EvalOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Outcomes = outcomes;
        var inScope = outcomes.Where(o => !o.Case.IsOutOfScope).ToList();
        var outOfScope = outcomes.Where(o => o.Case.IsOutOfScope).ToList();
        InScopeCount = inScope.Count;
        OutOfScopeCount = outOfScope.Count;
        Top1Accuracy = Share(inScope, o => o.Top1);
        Top3Accuracy = Share(inScope, o => o.Top3);
        AnsweredCorrectly = Share(inScope, o => o.Correct);
        FalseNotFoundRate = Share(inScope, o => !o.Answer.IsFound);
        OutOfScopePrecision = Share(outOfScope, o => !o.Answer.IsFound);
    }

    /// <summary>Every question's outcome, in eval-set order.</summary>
    public IReadOnlyList<EvalOutcome> Outcomes { get; }

    /// <summary>Number of in-scope questions.</summary>
    public int InScopeCount { get; }

    /// <summary>Number of out-of-scope questions.</summary>
    public int OutOfScopeCount { get; }

    /// <summary>Share of in-scope questions whose best-ranked article is an expected one.</summary>
    public double Top1Accuracy { get; }

    /// <summary>Share of in-scope questions with an expected article among the three best.</summary>
    public double Top3Accuracy { get; }

    /// <summary>Share of in-scope questions that <see cref="KnowledgeBase.Answer"/> answers from an expected article.</summary>
    public double AnsweredCorrectly { get; }

    /// <summary>Share of in-scope questions that <see cref="KnowledgeBase.Answer"/> wrongly answers NotFound.</summary>
    public double FalseNotFoundRate { get; }

    /// <summary>Share of out-of-scope questions that <see cref="KnowledgeBase.Answer"/> correctly answers NotFound.</summary>
    public double OutOfScopePrecision { get; }

    /// <summary>Runs every case against <paramref name="knowledgeBase"/>.</summary>
    /// <param name="knowledgeBase">The knowledge base to measure.</param>
    /// <param name="cases">The eval questions.</param>
    /// <returns>The report.</returns>
    public static EvalReport Run(KnowledgeBase knowledgeBase, IEnumerable<EvalCase> cases)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(cases);
        return new EvalReport(cases
            .Select(c => new EvalOutcome(
                c,
                knowledgeBase.Search(c.Question, 3).Select(h => h.ArticleId).ToList(),
                knowledgeBase.Answer(c.Question)))
            .ToList());
    }

    private static double Share(List<EvalOutcome> outcomes, Func<EvalOutcome, bool> predicate) =>
        outcomes.Count == 0 ? 0 : (double)outcomes.Count(predicate) / outcomes.Count;
}
