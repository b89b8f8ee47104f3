using System.Globalization;
using IntakeBot.Dialogs.Bench;

// Prints the story reader's per-fact precision and recall on dialogs/eval/stories.ja.jsonl.
// --verbose lists every wrong or missed fact.
var cases = StoryCase.Load(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? StoryCase.DefaultPath);
var score = StoryScore.Run(cases);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stories: {cases.Count}"));
Console.WriteLine($"{"fact",-24}{"precision",10}{"recall",10}{"tp",6}{"fp",6}{"fn",6}");
foreach (var (fact, (tp, fp, fn)) in score.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{fact,-24}{StoryScore.Ratio(tp, tp + fp),10:P1}{StoryScore.Ratio(tp, tp + fn),10:P1}{tp,6}{fp,6}{fn,6}"));
}

var (precision, recall) = score.Overall();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"overall",-24}{precision,10:P1}{recall,10:P1}"));

if (args.Contains("--verbose"))
{
    score.Errors.ForEach(Console.WriteLine);
}
