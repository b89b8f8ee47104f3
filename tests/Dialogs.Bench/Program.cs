using System.Globalization;
using IntakeBot.Dialogs.Bench;

// Prints the story reader's per-fact precision and recall on dialogs/eval/stories.ja.jsonl.
// --verbose lists every wrong or missed fact.
// --holdout scores the tuning part and the held-out part (ids divisible by 5) separately, so
// rules tuned on the first can be measured honestly on the second; --verbose then lists the
// errors of the tuning part only, so the held-out stories stay unseen while rules are written.
if (args.Contains("--answers"))
{
    ReportAnswers(AnswerCase.Load(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? AnswerCase.DefaultPath), args.Contains("--verbose"));
    return;
}

var cases = StoryCase.Load(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? StoryCase.DefaultPath);
var verbose = args.Contains("--verbose");

if (args.Contains("--holdout"))
{
    Report("tuning part", cases.Where(c => !c.IsHeldOut).ToList(), verbose);
    Report("held-out part", cases.Where(c => c.IsHeldOut).ToList(), verbose: false);
}
else
{
    Report("full set", cases, verbose);
}

static void Report(string title, IReadOnlyList<StoryCase> cases, bool verbose)
{
    var score = StoryScore.Run(cases);

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {cases.Count} stories"));
    Console.WriteLine($"{"fact",-24}{"precision",10}{"recall",10}{"tp",6}{"fp",6}{"fn",6}");
    foreach (var (fact, (tp, fp, fn)) in score.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fact,-24}{StoryScore.Ratio(tp, tp + fp),10:P1}{StoryScore.Ratio(tp, tp + fn),10:P1}{tp,6}{fp,6}{fn,6}"));
    }

    var (precision, recall) = score.Overall();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"overall",-24}{precision,10:P1}{recall,10:P1}"));
    Console.WriteLine();

    if (verbose)
    {
        score.Errors.ForEach(Console.WriteLine);
        Console.WriteLine();
    }
}

// --answers: each typed answer of dialogs/eval/answers.ja.jsonl through its question.
static void ReportAnswers(IReadOnlyList<AnswerCase> cases, bool verbose)
{
    var score = AnswerScore.Run(cases);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"typed answers: {cases.Count}"));
    Console.WriteLine($"{"question",-24}{"right",8}{"askback",9}{"wrong",7}{"refused",9}");
    foreach (var (step, counts) in score.Counts.OrderBy(c => c.Key))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step,-24}{counts.GetValueOrDefault(AnswerOutcome.StoredRight),8}{counts.GetValueOrDefault(AnswerOutcome.AskedBack),9}{counts.GetValueOrDefault(AnswerOutcome.StoredWrong),7}{counts.GetValueOrDefault(AnswerOutcome.Refused),9}"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{"total",-24}{score.Total(AnswerOutcome.StoredRight),8}{score.Total(AnswerOutcome.AskedBack),9}{score.Total(AnswerOutcome.StoredWrong),7}{score.Total(AnswerOutcome.Refused),9}"));
    if (verbose)
    {
        Console.WriteLine();
        score.Errors.ForEach(Console.WriteLine);
    }
}
