using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// Reads the intake facts that a free-text message states, with rules and no cloud service:
/// 「72歳の父が来月10日に刑務所を出るのですが、帰る家がなくて困っています。」 answers who
/// is asking, the relation, the age, the stage, the release date, housing and a need.
/// It prefers saying nothing to saying something wrong: hedged clauses and double negatives
/// are left out, and every fact is shown to the person for confirmation before it is stored.
/// </summary>
public static class StoryReader
{
    public static StoryFacts Read(string text, DateOnly today)
    {
        var normalized = KanaDates.Fold(JapaneseText.Normalize(text));
        var facts = new StoryFacts();
        if (normalized.Length == 0)
        {
            return facts;
        }

        var clauses = Clause.Split(normalized);
        var record = facts.Record;

        // The stage is read first: a message that states a stage and names no one else is the
        // writer's own story.
        var (stage, custody) = StageCues.Detect(clauses);
        var (role, relation, kind, subjectWord) = RoleCues.Detect(normalized, stage is not null);
        record.Role = role;
        Add(facts, IntakeStep.AskerRole, role is not null);
        record.Relation = relation;
        Add(facts, IntakeStep.Relation, relation is not null);
        record.SupporterKind = kind;
        Add(facts, IntakeStep.SupporterKind, kind is not null);

        if (AgeCues.SubjectAge(normalized, role, subjectWord, today) is { } age)
        {
            record.SubjectAge = age.Age;
            record.SubjectBirthDate = age.BirthDate;
            Add(facts, IntakeStep.SubjectAge, true);
        }

        record.Disabilities = ConditionCues.Disabilities(clauses);
        Add(facts, IntakeStep.Disabilities, record.Disabilities.Count > 0);
        record.Handbooks = ConditionCues.Handbooks(clauses);
        Add(facts, IntakeStep.Handbooks, record.Handbooks.Count > 0);

        record.Stage = stage;
        Add(facts, IntakeStep.Stage, stage is not null);
        record.Custody = custody;
        Add(facts, IntakeStep.Custody, custody is not null);

        DateCues.Read(clauses, today, stage, facts);

        if (LivingCues.ReturnArea(clauses, role) is { } area)
        {
            record.ReturnPrefecture = area.Prefecture;
            record.ReturnCity = area.City;
            Add(facts, IntakeStep.ReturnArea, true);
        }

        record.HasHousing = LivingCues.Housing(clauses);
        Add(facts, IntakeStep.Housing, record.HasHousing is not null);

        record.Needs = NeedCues.Detect(clauses, record.HasHousing, role);
        Add(facts, IntakeStep.Needs, record.Needs.Count > 0);

        facts.Steps.Sort();
        return facts;
    }

    private static void Add(StoryFacts facts, IntakeStep step, bool stated)
    {
        if (stated && !facts.Steps.Contains(step))
        {
            facts.Steps.Add(step);
        }
    }
}
