using IntakeBot.Knowledge.Evaluation;

namespace IntakeBot.Knowledge.Tests;

public sealed class EvalSetTests(LoadedKnowledge knowledge) : IClassFixture<LoadedKnowledge>
{
    private static readonly IReadOnlyList<EvalCase> Cases = EvalSet.Load(EvalSet.DefaultPath);

    [Fact]
    public void The_eval_set_has_enough_in_scope_and_out_of_scope_questions()
    {
        Assert.True(Cases.Count(c => !c.IsOutOfScope) >= 80);
        Assert.True(Cases.Count(c => c.IsOutOfScope) >= 15);
        Assert.Equal(Cases.Count, Cases.Select(c => c.Question).Distinct().Count());
    }

    [Fact]
    public void Every_expected_article_in_the_eval_sets_exists()
    {
        var holdout = EvalSet.Load(Path.Combine(Path.GetDirectoryName(EvalSet.DefaultPath)!, "questions.holdout.ja.tsv"));
        foreach (var id in Cases.Concat(holdout).SelectMany(c => c.ExpectedArticleIds))
        {
            Assert.NotNull(knowledge.Base.GetArticle(id));
        }
    }

    [Fact]
    public void Top1_accuracy_on_the_eval_set_is_at_least_85_percent()
    {
        var report = EvalReport.Run(knowledge.Base, Cases);
        Assert.True(report.Top1Accuracy >= 0.85, Describe(report, o => o.Top1));
    }

    [Fact]
    public void Top3_accuracy_on_the_eval_set_is_at_least_95_percent()
    {
        var report = EvalReport.Run(knowledge.Base, Cases);
        Assert.True(report.Top3Accuracy >= 0.95, Describe(report, o => o.Top3));
    }

    [Fact]
    public void At_least_90_percent_of_out_of_scope_questions_get_not_found()
    {
        var report = EvalReport.Run(knowledge.Base, Cases);
        Assert.True(report.OutOfScopePrecision >= 0.9, Describe(report, o => !o.Case.IsOutOfScope || o.Correct));
    }

    [Fact]
    public void At_most_10_percent_of_in_scope_questions_get_not_found()
    {
        var report = EvalReport.Run(knowledge.Base, Cases);
        Assert.True(report.FalseNotFoundRate <= 0.10, Describe(report, o => o.Case.IsOutOfScope || o.Answer.IsFound));
    }

    private static string Describe(EvalReport report, Func<EvalOutcome, bool> passed) =>
        $"top-1 {report.Top1Accuracy:P1}, top-3 {report.Top3Accuracy:P1}, out-of-scope {report.OutOfScopePrecision:P1}, false NotFound {report.FalseNotFoundRate:P1}; failing: "
        + string.Join(" / ", report.Outcomes.Where(o => !passed(o)).Select(o => $"{o.Case.Question} → [{string.Join(",", o.RankedArticleIds)}]"));
}
