using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// Dates and what they mean: 「出所は来月10日」 is a release date, 「次の公判は12月3日」 a hearing.
/// Each date is paired with the nearest meaning word in its clause, so one sentence can hold
/// two dates with different meanings.
/// </summary>
internal static partial class DateCues
{
    [GeneratedRegex(
        "(令和|平成|昭和|[RHS])\\s*(\\d{1,2}|元)\\s*[年./]\\s*\\d{1,2}\\s*[月./]\\s*\\d{1,2}\\s*日?"
        + "|\\d{4}\\s*[年/.-]\\s*\\d{1,2}\\s*[月/.-]\\s*\\d{1,2}\\s*日?"
        + "|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日"
        + "|(?<![\\d/])\\d{1,2}/\\d{1,2}(?![\\d/])"
        + "|(来月|今月|先月|再来月)の?\\s*\\d{1,2}\\s*日"
        + "|(来週|今週|再来週|先週)の?\\s*[月火水木金土日]曜日?"
        + "|\\d{1,3}\\s*(日|週間|か月|ヶ月|カ月)\\s*(後|前)"
        + "|明後日|あさって|明日|あした|今日|きょう|昨日|きのう|一昨日|おととい")]
    private static partial Regex DateSpan();

    private static readonly (string[] Words, DateMeaning Meaning)[] Meanings =
    [
        (["公判", "裁判", "期日", "判決", "審理"], DateMeaning.Hearing),
        (["通院決定", "退院許可", "決定を受け", "決定が出"], DateMeaning.OutpatientDecision),
        (["出所", "出る", "出られ", "出ます", "出た", "出まし", "出て", "釈放", "退所", "出院", "仮釈放", "満期", "退院", "帰って"], DateMeaning.Release),
    ];

    public static void Read(IReadOnlyList<Clause> clauses, DateOnly today, Stage? stage, StoryFacts facts)
    {
        foreach (var clause in clauses.Where(c => !c.Doubtful && !c.Text.Contains("生まれ", StringComparison.Ordinal) && !c.Text.Contains("生年月日", StringComparison.Ordinal)))
        {
            var dates = DateSpan().Matches(clause.Text).ToList();
            if (dates.Count == 0)
            {
                continue;
            }

            var cues = Meanings
                .SelectMany(m => m.Words.SelectMany(w => Occurrences(clause.Text, w).Select(at => (At: at, Length: w.Length, m.Meaning))))
                .ToList();
            foreach (var date in dates)
            {
                if (cues.Count == 0)
                {
                    break;
                }

                var nearest = cues.MinBy(c => Distance(c.At, c.Length, date.Index, date.Length));
                cues.RemoveAll(c => c.Meaning == nearest.Meaning);
                Store(date.Value, nearest.Meaning, today, stage, facts);
            }
        }
    }

    private static void Store(string span, DateMeaning meaning, DateOnly today, Stage? stage, StoryFacts facts)
    {
        var any = AnswerParsers.Date(span, today, DateExpectation.Any);
        if (!any.IsValue)
        {
            return;
        }

        var record = facts.Record;
        switch (meaning)
        {
            case DateMeaning.Hearing when Parse(span, today, DateExpectation.TodayOrFuture) is { } hearing:
                record.HearingDate = hearing;
                Add(facts, IntakeStep.HearingDate);
                break;
            case DateMeaning.OutpatientDecision when Parse(span, today, DateExpectation.PastOrToday) is { } decided:
                record.OutpatientDecisionDate = decided;
                Add(facts, IntakeStep.OutpatientDecisionDate);
                break;
            case DateMeaning.Release when stage == Stage.Released && Parse(span, today, DateExpectation.PastOrToday) is { } left:
                record.LeftFacilityDate = left;
                Add(facts, IntakeStep.LeftFacilityDate);
                break;
            case DateMeaning.Release when stage != Stage.Released && Parse(span, today, DateExpectation.TodayOrFuture) is { } release:
                record.ReleaseDate = release;
                Add(facts, IntakeStep.ReleaseDate);
                break;
        }
    }

    private static DateOnly? Parse(string span, DateOnly today, DateExpectation expectation) =>
        AnswerParsers.Date(span, today, expectation) is { IsValue: true } parsed ? parsed.Value : null;

    private static void Add(StoryFacts facts, IntakeStep step)
    {
        if (!facts.Steps.Contains(step))
        {
            facts.Steps.Add(step);
        }
    }

    private static int Distance(int at, int length, int dateAt, int dateLength) =>
        at >= dateAt + dateLength ? at - (dateAt + dateLength) : dateAt >= at + length ? dateAt - (at + length) : 0;

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private enum DateMeaning
    {
        Release,
        Hearing,
        OutpatientDecision,
    }
}
