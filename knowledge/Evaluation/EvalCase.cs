namespace IntakeBot.Knowledge.Evaluation;

/// <summary>One question of the eval set and the articles that correctly answer it.</summary>
/// <param name="Question">The question as a user would type it.</param>
/// <param name="ExpectedArticleIds">Articles that answer it; empty when the question is out of scope and must get NotFound.</param>
/// <param name="Asker">Who asks (本人, 家族, 弁護士, 支援者, その他).</param>
/// <param name="Style">How it is written (plain, formal, colloquial, hiragana, typo, broken, oos).</param>
public sealed record EvalCase(string Question, IReadOnlyList<string> ExpectedArticleIds, string Asker, string Style)
{
    /// <summary>True when the knowledge base must answer NotFound.</summary>
    public bool IsOutOfScope => ExpectedArticleIds.Count == 0;
}
