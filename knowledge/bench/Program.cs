// Measures the knowledge base on the eval set: accuracy, out-of-scope precision, false-NotFound rate and
// lookup latency. Usage: dotnet run -c Release --project knowledge/bench [-- --verbose] [-- --reps N]
using System.Diagnostics;
using System.Globalization;
using IntakeBot.Knowledge;
using IntakeBot.Knowledge.Evaluation;

var verbose = args.Contains("--verbose");
var repsIndex = Array.IndexOf(args, "--reps");
var repetitions = repsIndex >= 0 && repsIndex + 1 < args.Length ? int.Parse(args[repsIndex + 1], CultureInfo.InvariantCulture) : 200;

var loadWatch = Stopwatch.StartNew();
var knowledgeBase = KnowledgeBase.LoadDefault();
loadWatch.Stop();
var askIndex = Array.IndexOf(args, "--ask");
if (askIndex >= 0)
{
    foreach (var question in args.Skip(askIndex + 1))
    {
        Console.WriteLine($"Q: {question}");
        Console.WriteLine(knowledgeBase.Answer(question) switch
        {
            FoundAnswer f => $"A: [{f.ArticleTitle} / {f.SectionHeading}] ({f.Confidence:F2})\n{f.Excerpt}\n出典: {string.Join("、", f.Sources.Select(s => s.Title))}\n",
            _ => "A: NotFound\n",
        });
    }

    return;
}

var explainIndex = Array.IndexOf(args, "--explain");
if (explainIndex >= 0)
{
    foreach (var question in args.Skip(explainIndex + 1))
    {
        Console.WriteLine(question);
        foreach (var line in knowledgeBase.Explain(question))
        {
            Console.WriteLine("  " + line);
        }

        foreach (var hit in knowledgeBase.Search(question, 3))
        {
            Console.WriteLine($"  hit {hit.ArticleId} / {hit.SectionHeading}: score {hit.Score:F2} confidence {hit.Confidence:F2}");
        }
    }

    return;
}

var cases = EvalSet.Load(EvalSet.DefaultPath);
var report = EvalReport.Run(knowledgeBase, cases);

Console.WriteLine($"articles: {knowledgeBase.Articles.Count}, sections: {knowledgeBase.Articles.Sum(a => a.Sections.Count)}, load: {loadWatch.Elapsed.TotalMilliseconds:F0} ms");
Console.WriteLine($"eval: {report.InScopeCount} in-scope, {report.OutOfScopeCount} out-of-scope questions");
Console.WriteLine($"top-1 accuracy:          {report.Top1Accuracy:P1}");
Console.WriteLine($"top-3 accuracy:          {report.Top3Accuracy:P1}");
Console.WriteLine($"answered correctly:      {report.AnsweredCorrectly:P1}");
Console.WriteLine($"false-NotFound rate:     {report.FalseNotFoundRate:P1}");
Console.WriteLine($"out-of-scope precision:  {report.OutOfScopePrecision:P1}");

foreach (var outcome in report.Outcomes.Where(o => verbose || !o.Correct || (!o.Case.IsOutOfScope && !o.Top1)))
{
    var answer = outcome.Answer switch
    {
        FoundAnswer f => $"found {f.ArticleId} ({f.Confidence:F2})",
        NotFoundAnswer nf => $"NotFound ({nf.BestConfidence:F2})",
        _ => "?",
    };
    var expected = outcome.Case.IsOutOfScope ? EvalSet.NotFoundMarker : string.Join("|", outcome.Case.ExpectedArticleIds);
    var mark = outcome.Correct && (outcome.Case.IsOutOfScope || outcome.Top1) ? "ok  " : "MISS";
    Console.WriteLine($"  {mark} {outcome.Case.Question} → expected {expected}; ranked [{string.Join(", ", outcome.RankedArticleIds)}]; {answer}");
}

// The held-out set was written after the first tuning round and is not used for tuning; it shows how well
// the tuning generalises.
var holdout = EvalReport.Run(knowledgeBase, EvalSet.Load(Path.Combine(Path.GetDirectoryName(EvalSet.DefaultPath)!, "questions.holdout.ja.tsv")));
Console.WriteLine($"held-out set ({holdout.InScopeCount} in-scope, {holdout.OutOfScopeCount} out-of-scope; not used for tuning): "
    + $"top-1 {holdout.Top1Accuracy:P1}, top-3 {holdout.Top3Accuracy:P1}, out-of-scope precision {holdout.OutOfScopePrecision:P1}, false-NotFound {holdout.FalseNotFoundRate:P1}");
foreach (var outcome in holdout.Outcomes.Where(o => verbose || !o.Correct || (!o.Case.IsOutOfScope && !o.Top1)))
{
    Console.WriteLine($"  MISS {outcome.Case.Question} → expected {(outcome.Case.IsOutOfScope ? EvalSet.NotFoundMarker : string.Join("|", outcome.Case.ExpectedArticleIds))}; ranked [{string.Join(", ", outcome.RankedArticleIds)}]; {(outcome.Answer is FoundAnswer f ? "found " + f.ArticleId : "NotFound")}");
}

// Passage selection: the answer must come from the section that answers the question's frame.
foreach (var (name, path) in new[] { ("passages", PassageSet.DefaultPath), ("held-out passages (not used for tuning)", PassageSet.HoldoutPath) })
{
    var passages = PassageSet.Load(path);
    var (accuracy, misses) = PassageSet.Run(knowledgeBase, passages);
    Console.WriteLine($"{name} ({passages.Count}): right section {accuracy:P1}");
    foreach (var (miss, answer) in misses)
    {
        Console.WriteLine($"  MISS {miss.Question} → expected {string.Join("|", miss.ExpectedArticleIds)} / {string.Join("|", miss.ExpectedSections)}; got {(answer is FoundAnswer f ? $"{f.ArticleId} / {f.SectionHeading}" : "NotFound")}");
    }
}

// Latency: every question answered `repetitions` times after a warm-up.
foreach (var c in cases)
{
    knowledgeBase.Answer(c.Question);
}

var timings = new double[cases.Count * repetitions];
var n = 0;
for (var r = 0; r < repetitions; r++)
{
    foreach (var c in cases)
    {
        var start = Stopwatch.GetTimestamp();
        knowledgeBase.Answer(c.Question);
        timings[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }
}

Array.Sort(timings);
Console.WriteLine($"lookup latency over {timings.Length} answers: p50 {timings[timings.Length / 2]:F0} µs, p99 {timings[(int)(timings.Length * 0.99)]:F0} µs, max {timings[^1]:F0} µs");
