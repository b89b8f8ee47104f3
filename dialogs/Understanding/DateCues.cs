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
        (["出所", "出る", "出られ", "出ます", "出た", "出まし", "出て", "釈放", "退所", "出院", "仮釈放", "満期", "退院", "帰ってくる", "帰って来る",
          "でる", "でた", "でて", "でます", "しゅっしょ"], DateMeaning.Release),
    ];

    // Words that contain a meaning word without having its meaning: a 勾留満期 is not a release
    // (README: nor a release date), and a 裁判所 is a place, not a hearing.
    private static readonly string[] Decoys = ["勾留満期", "裁判所"];

    [GeneratedRegex("^\\s*(頃|ごろ|くらい|ぐらい|前後|まで|以降)")]
    private static partial Regex Approximate();

    public static void Read(IReadOnlyList<Clause> clauses, DateOnly today, Stage? stage, StoryFacts facts)
    {
        foreach (var clause in clauses.Where(c => !c.Doubtful && !c.Unasserted && !c.Text.Contains("生まれ", StringComparison.Ordinal) && !c.Text.Contains("生年月日", StringComparison.Ordinal)))
        {
            // 「12月10日頃」「12月まで」 give no exact date for the meaning next to them.
            var dates = DateSpan().Matches(clause.Text).Where(d => !Approximate().IsMatch(clause.Text[(d.Index + d.Length)..])).ToList();
            var text = Decoys.Aggregate(clause.Text, (t, decoy) => t.Replace(decoy, new string('□', decoy.Length), StringComparison.Ordinal));
            if (dates.Count == 0)
            {
                continue;
            }

            var cues = Meanings
                .SelectMany(m => m.Words.SelectMany(w => Occurrences(text, w).Select(at => (At: at, Length: w.Length, m.Meaning))))
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

    /// <summary>
    /// A date without a year is read as the nearest such day, and it must then fall on the side
    /// its meaning requires: 「11月16日に決定を受け」 nine days ago is not next year's hearing,
    /// and a 退院許可決定 expected on 12月7日 is not last year's decision. A date on the wrong
    /// side is dropped rather than moved a year.
    /// </summary>
    private static void Store(string span, DateMeaning meaning, DateOnly today, Stage? stage, StoryFacts facts)
    {
        var parsed = AnswerParsers.Date(span, today, DateExpectation.Any);
        if (!parsed.IsValue)
        {
            return;
        }

        var date = parsed.Value;
        var record = facts.Record;
        switch (meaning)
        {
            // The next hearing is the nearest one, when a message names a 公判 and then the 判決.
            case DateMeaning.Hearing when date >= today && (record.HearingDate is null || date < record.HearingDate):
                record.HearingDate = date;
                Add(facts, IntakeStep.HearingDate);
                break;
            case DateMeaning.OutpatientDecision when date <= today && record.OutpatientDecisionDate is null:
                record.OutpatientDecisionDate = date;
                Add(facts, IntakeStep.OutpatientDecisionDate);
                break;
            case DateMeaning.Release when stage == Stage.Released && date <= today && record.LeftFacilityDate is null:
                record.LeftFacilityDate = date;
                Add(facts, IntakeStep.LeftFacilityDate);
                break;
            case DateMeaning.Release when stage != Stage.Released && date >= today && record.ReleaseDate is null:
                record.ReleaseDate = date;
                Add(facts, IntakeStep.ReleaseDate);
                break;
        }
    }

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
