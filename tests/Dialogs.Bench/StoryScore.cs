using System.Globalization;
using System.Text.Json;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Bench;

/// <summary>
/// Per-fact precision and recall of the story reader. A scalar fact counts once; a list fact
/// (disabilities, handbooks, needs) counts per element. A wrong value is both a false positive
/// and a false negative: stating something wrong is worse than saying nothing.
/// </summary>
public sealed class StoryScore
{
    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _facts = new(StringComparer.Ordinal);

    public List<string> Errors { get; } = [];

    public IReadOnlyDictionary<string, (int Tp, int Fp, int Fn)> Facts => _facts;

    public static StoryScore Run(IReadOnlyList<StoryCase> cases)
    {
        var score = new StoryScore();
        foreach (var story in cases)
        {
            var read = Extracted(StoryReader.Read(story.Text, StoryCase.Today).Record);
            var expected = story.Expected.ToDictionary(e => e.Key, e => Values(e.Value), StringComparer.Ordinal);
            foreach (var key in read.Keys.Union(expected.Keys))
            {
                var got = read.GetValueOrDefault(key) ?? [];
                var want = expected.GetValueOrDefault(key) ?? [];
                var tp = got.Intersect(want).Count();
                var fp = got.Except(want).Count();
                var fn = want.Except(got).Count();
                score.Add(key, tp, fp, fn);
                if (fp + fn > 0)
                {
                    score.Errors.Add($"{story.Id} {key}: read [{string.Join(",", got)}] expected [{string.Join(",", want)}]");
                }
            }
        }

        return score;
    }

    public (double Precision, double Recall) Overall()
    {
        var tp = _facts.Values.Sum(f => f.Tp);
        var fp = _facts.Values.Sum(f => f.Fp);
        var fn = _facts.Values.Sum(f => f.Fn);
        return (Ratio(tp, tp + fp), Ratio(tp, tp + fn));
    }

    public static double Ratio(int numerator, int denominator) => denominator == 0 ? 1 : (double)numerator / denominator;

    private void Add(string key, int tp, int fp, int fn)
    {
        var (t, f, n) = _facts.GetValueOrDefault(key);
        _facts[key] = (t + tp, f + fp, n + fn);
    }

    private static List<string> Values(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(v => v.ToString()).ToList()
        : [value.ToString()];

    private static Dictionary<string, List<string>> Extracted(IntakeRecord r)
    {
        var facts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Put("role", r.Role?.ToString());
        Put("relation", r.Relation?.ToString());
        Put("subjectAge", r.SubjectAge?.ToString(CultureInfo.InvariantCulture));
        Put("subjectBirthDate", Date(r.SubjectBirthDate));
        Put("stage", r.Stage?.ToString());
        Put("custody", r.Custody?.ToString());
        Put("releaseDate", Date(r.ReleaseDate));
        Put("hearingDate", Date(r.HearingDate));
        Put("leftFacilityDate", Date(r.LeftFacilityDate));
        Put("outpatientDecisionDate", Date(r.OutpatientDecisionDate));
        Put("returnPrefecture", r.ReturnPrefecture);
        Put("returnCity", r.ReturnCity);
        Put("hasHousing", r.HasHousing?.ToString());
        PutAll("disabilities", r.Disabilities.Select(d => d.ToString()));
        PutAll("handbooks", r.Handbooks.Select(h => h.ToString()));
        PutAll("needs", r.Needs.Select(n => n.ToString()));
        return facts;

        void Put(string key, string? value)
        {
            if (value is not null)
            {
                facts[key] = [value];
            }
        }

        void PutAll(string key, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                facts[key] = list;
            }
        }

        static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
