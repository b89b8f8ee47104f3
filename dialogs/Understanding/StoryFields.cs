using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>How a story fact is written as JSON by a reader outside the rules.</summary>
public enum StoryFieldKind
{
    /// <summary>One label of <see cref="StoryField.Values"/>.</summary>
    Choice,
    /// <summary>An array of labels of <see cref="StoryField.Values"/>.</summary>
    Choices,
    /// <summary>An integer number of years.</summary>
    Age,
    /// <summary>A <c>YYYY-MM-DD</c> date.</summary>
    Date,
    /// <summary>A prefecture and optionally a municipality (「神奈川県横浜市」).</summary>
    Area,
}

/// <summary>One story fact as a JSON field: its name, the question it answers, and its allowed values.</summary>
public sealed record StoryField(string Name, IntakeStep Step, StoryFieldKind Kind, string Meaning, IReadOnlyList<string> Values);

/// <summary>
/// The facts a story can state (the same questions <see cref="StoryReader"/> answers) as JSON
/// fields, for a reader outside the rules such as a language model, and the strict check of what
/// it returns. A value counts only when it is one of the question's own labels (or a date the
/// project's date parser accepts as plausible, an age the age parser accepts, an area the area
/// parser finds a prefecture in) and the question, given that value, stores exactly it. Anything
/// else is dropped, never guessed at.
/// </summary>
public static partial class StoryFields
{
    private static readonly (string Name, IntakeStep Step, StoryFieldKind Kind, string Meaning)[] Fields =
    [
        ("asker_role", IntakeStep.AskerRole, StoryFieldKind.Choice, "書いている人は誰か"),
        ("relation", IntakeStep.Relation, StoryFieldKind.Choice, "家族・親族が書いているとき、支援が必要な本人との関係"),
        ("supporter_kind", IntakeStep.SupporterKind, StoryFieldKind.Choice, "支援者・関係機関が書いているとき、その機関の種類"),
        ("subject_age", IntakeStep.SubjectAge, StoryFieldKind.Age, "支援が必要な本人の年齢（書いた人の年齢ではない）"),
        ("disabilities", IntakeStep.Disabilities, StoryFieldKind.Choices, "本人の障がい（疑いを含む）"),
        ("handbooks", IntakeStep.Handbooks, StoryFieldKind.Choices, "本人の障害者手帳"),
        ("stage", IntakeStep.Stage, StoryFieldKind.Choice, "本人のいまの段階"),
        ("custody", IntakeStep.Custody, StoryFieldKind.Choice, "起訴後・裁判中のとき、勾留中か保釈中か"),
        ("release_date", IntakeStep.ReleaseDate, StoryFieldKind.Date, "釈放・出所・退院の予定日（今日以降）"),
        ("hearing_date", IntakeStep.HearingDate, StoryFieldKind.Date, "次回公判期日（今日以降）"),
        ("left_facility_date", IntakeStep.LeftFacilityDate, StoryFieldKind.Date, "刑務所・少年院などを出た日（今日以前）"),
        ("outpatient_decision_date", IntakeStep.OutpatientDecisionDate, StoryFieldKind.Date, "医療観察法の通院決定日（今日以前）"),
        ("return_area", IntakeStep.ReturnArea, StoryFieldKind.Area, "釈放・出所のあとに住む予定の地域（都道府県と市区町村。刑務所の所在地ではない）"),
        ("housing", IntakeStep.Housing, StoryFieldKind.Choice, "住む場所があるか"),
        ("needs", IntakeStep.Needs, StoryFieldKind.Choices, "困っていること"),
    ];

    /// <summary>The questions a story can answer.</summary>
    public static IReadOnlySet<IntakeStep> Steps { get; } = Fields.Select(f => f.Step).ToHashSet();

    /// <summary>The fields with the value lists of <paramref name="catalog"/>'s questions.</summary>
    public static IReadOnlyList<StoryField> For(QuestionCatalog catalog) =>
        [.. Fields.Select(f => new StoryField(f.Name, f.Step, f.Kind, f.Meaning, Labels(catalog[f.Step], f.Kind)))];

    /// <summary>
    /// Reads a JSON object of story fields. Missing and null fields are not stated; a field with a
    /// value outside its list, of the wrong type or that its question does not store as given is
    /// dropped and counted in <paramref name="rejected"/>; unknown fields are ignored.
    /// </summary>
    public static StoryFacts Read(JsonElement json, QuestionCatalog catalog, DateOnly today, out int rejected)
    {
        rejected = 0;
        var facts = new StoryFacts();
        if (json.ValueKind != JsonValueKind.Object)
        {
            rejected = 1;
            return facts;
        }

        foreach (var field in For(catalog))
        {
            if (!json.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            // An empty list states nothing, like a missing field.
            if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
            {
                continue;
            }

            if (TryStore(field, value, catalog[field.Step], facts.Record, today))
            {
                facts.Steps.Add(field.Step);
            }
            else
            {
                catalog[field.Step].Clear(facts.Record);
                rejected++;
            }
        }

        facts.Steps.Sort();
        return facts;
    }

    private static IReadOnlyList<string> Labels(Question question, StoryFieldKind kind) =>
        kind is StoryFieldKind.Choice or StoryFieldKind.Choices
            ? [.. question.Buttons(new IntakeRecord()).Where(b => b != Question.UnknownLabel)]
            : [];

    private static bool TryStore(StoryField field, JsonElement value, Question question, IntakeRecord record, DateOnly today)
    {
        switch (field.Kind)
        {
            case StoryFieldKind.Choice:
                return value.ValueKind == JsonValueKind.String
                       && value.GetString() is { } label
                       && field.Values.Contains(label)
                       && question.Apply(label, record, today).Accepted
                       && question.Describe(record) == label;

            case StoryFieldKind.Choices:
                if (value.ValueKind != JsonValueKind.Array
                    || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !field.Values.Contains(v.GetString()!)))
                {
                    return false;
                }

                var labels = value.EnumerateArray().Select(v => v.GetString()!).Distinct().ToList();
                return question.Apply(string.Join("、", labels), record, today).Accepted
                       && question.Describe(record) is { } described
                       && described.Split('、').ToHashSet().SetEquals(labels);

            case StoryFieldKind.Age:
                return value.ValueKind == JsonValueKind.Number
                       && value.TryGetInt32(out var years)
                       && years is >= 0 and <= 120
                       && question.Apply(string.Create(CultureInfo.InvariantCulture, $"{years}歳"), record, today).Accepted
                       && record.SubjectAge == years;

            case StoryFieldKind.Date:
                // Only the unambiguous form; the date parser then checks that it exists and is
                // on the right side of today, within its plausible range.
                if (value.ValueKind != JsonValueKind.String
                    || IsoDate().Match(value.GetString()!) is not { Success: true } iso
                    || !DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return false;
                }

                var written = string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
                return question.Apply(written, record, today).Accepted
                       && question.Describe(record) == DateQuestion.Format(date);

            case StoryFieldKind.Area:
                return value.ValueKind == JsonValueKind.String
                       && value.GetString() is { Length: > 0 and <= 40 } area
                       && question.Apply(area, record, today).Accepted
                       && record.ReturnPrefecture is { } prefecture
                       && Prefectures.All.Contains(prefecture);

            default:
                return false;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
