using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Dialogs.Tests.Triage;

public sealed class TriageRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly CenterProfile Center = new() { Name = "テストセンター", Prefecture = "神奈川県" };

    private static IntakeRecord Lawyer(int? age = 70, Stage stage = Stage.OnTrial, int? hearingInDays = null, params Disability[] disabilities) => new()
    {
        Role = AskerRole.Lawyer,
        SubjectAge = age,
        Disabilities = [.. disabilities],
        Stage = stage,
        Custody = Custody.Detained,
        HearingDate = hearingInDays is { } d ? Today.AddDays(d) : null,
        ReturnPrefecture = "神奈川県",
        HasHousing = Answer.Yes,
        SubjectAgrees = Answer.Yes,
    };

    private static IntakeRecord Relative(Stage stage, int age = 40, Disability disability = Disability.Intellectual) => new()
    {
        Role = AskerRole.Family,
        Relation = Relation.Parent,
        SubjectAge = age,
        Disabilities = [disability],
        Stage = stage,
        ReturnPrefecture = "神奈川県",
        HasHousing = Answer.Yes,
        SubjectAgrees = Answer.Yes,
    };

    private static TriageResult Triage(IntakeRecord record, bool crisis = false) => TriageRules.Evaluate(record, Today, Center, crisis);

    [Fact]
    public void Lawyer_with_hearing_in_5_days_is_high_priority()
    {
        var result = Triage(Lawyer(hearingInDays: 5));

        Assert.Equal(Priority.High, result.Priority);
        Assert.Contains(result.Reasons, r => r.Contains("次回公判期日") && r.Contains("5日"));
    }

    [Theory]
    [InlineData(0, Priority.Urgent)]
    [InlineData(1, Priority.Urgent)]
    [InlineData(3, Priority.Urgent)]
    [InlineData(4, Priority.High)]
    [InlineData(14, Priority.High)]
    [InlineData(15, Priority.Low)]
    [InlineData(60, Priority.Low)]
    public void Hearing_date_sets_priority_at_the_3_and_14_day_boundaries(int days, Priority expected)
    {
        Assert.Equal(expected, Triage(Lawyer(hearingInDays: days)).Priority);
    }

    [Theory]
    [InlineData(3, Priority.Urgent)]
    [InlineData(4, Priority.High)]
    [InlineData(14, Priority.High)]
    [InlineData(15, Priority.Low)]
    public void Release_date_sets_priority_at_the_same_boundaries(int days, Priority expected)
    {
        var record = Relative(Stage.InFacility);
        record.ReleaseDate = Today.AddDays(days);

        Assert.Equal(expected, Triage(record).Priority);
    }

    [Fact]
    public void A_past_hearing_date_does_not_make_a_case_urgent()
    {
        Assert.Equal(Priority.Low, Triage(Lawyer(hearingInDays: -2)).Priority);
    }

    [Fact]
    public void The_nearer_of_hearing_and_release_date_decides()
    {
        var record = Lawyer(hearingInDays: 30);
        record.ReleaseDate = Today.AddDays(2);

        var result = Triage(record);

        Assert.Equal(Priority.Urgent, result.Priority);
        Assert.Contains(result.Reasons, r => r.Contains("釈放・出所予定日"));
    }

    [Fact]
    public void Crisis_words_make_any_case_urgent_and_due_today()
    {
        var result = Triage(new IntakeRecord(), crisis: true);

        Assert.Equal(Priority.Urgent, result.Priority);
        Assert.Equal(Today, result.DueDate);
        Assert.Contains(TriageFlag.Crisis, result.Flags);
    }

    [Theory]
    [InlineData(Priority.Urgent, 0)]
    [InlineData(Priority.High, 1)]
    [InlineData(Priority.Medium, 3)]
    [InlineData(Priority.Low, 7)]
    public void Due_date_follows_priority(Priority priority, int days)
    {
        var record = priority switch
        {
            Priority.Urgent => Lawyer(hearingInDays: 2),
            Priority.High => Lawyer(hearingInDays: 10),
            Priority.Medium => Relative(Stage.Released),
            _ => Relative(Stage.SuspendedOrFined),
        };
        if (priority == Priority.Medium)
        {
            record.Needs = [Need.Medical];
        }

        var result = Triage(record);

        Assert.Equal(priority, result.Priority);
        Assert.Equal(priority == Priority.Urgent ? Today : Today.AddDays(days), result.DueDate);
    }

    [Theory]
    [InlineData(Stage.Arrested, 70, Disability.None, Duty.SuspectSupport)]
    [InlineData(Stage.OnTrial, 70, Disability.None, Duty.SuspectSupport)]
    [InlineData(Stage.OnTrial, 30, Disability.Intellectual, Duty.SuspectSupport)]
    [InlineData(Stage.Arrested, 30, Disability.SuspectedDementia, Duty.SuspectSupport)]
    [InlineData(Stage.OnTrial, 30, Disability.None, Duty.Consultation)]
    [InlineData(Stage.InFacility, 66, Disability.None, Duty.Coordination)]
    [InlineData(Stage.InFacility, 25, Disability.Mental, Duty.Coordination)]
    [InlineData(Stage.InFacility, 25, Disability.None, Duty.Consultation)]
    [InlineData(Stage.Released, 80, Disability.Physical, Duty.Consultation)]
    [InlineData(Stage.SuspendedOrFined, 70, Disability.Intellectual, Duty.Consultation)]
    [InlineData(Stage.MtaOutpatient, 40, Disability.Mental, Duty.Consultation)]
    public void Duty_depends_on_stage_and_on_being_elderly_or_disabled(Stage stage, int age, Disability disability, Duty expected)
    {
        Assert.Equal(expected, Triage(Relative(stage, age, disability)).Duty);
    }

    [Fact]
    public void Age_65_is_elderly_and_64_is_not()
    {
        Assert.Equal(Duty.SuspectSupport, Triage(Relative(Stage.Arrested, 65, Disability.None)).Duty);
        Assert.Equal(Duty.Consultation, Triage(Relative(Stage.Arrested, 64, Disability.None)).Duty);
        Assert.Contains(TriageFlag.Elderly, Triage(Relative(Stage.Released, 65)).Flags);
        Assert.DoesNotContain(TriageFlag.Elderly, Triage(Relative(Stage.Released, 64)).Flags);
    }

    [Fact]
    public void Suspect_support_says_it_starts_on_a_request_from_the_probation_office()
    {
        var result = Triage(Lawyer(hearingInDays: 20));

        Assert.Equal(Duty.SuspectSupport, result.Duty);
        Assert.Contains(result.Reasons, r => r.Contains("保護観察所からの依頼"));
        Assert.StartsWith("保護観察所からの依頼", result.Checklist[0]);
    }

    [Fact]
    public void Receiving_provider_asking_about_a_supported_person_is_follow_up()
    {
        var record = new IntakeRecord
        {
            Role = AskerRole.Supporter,
            SupporterKind = SupporterKind.WelfareProvider,
            SupporterPurpose = SupporterPurpose.FollowUp,
            Stage = Stage.Released,
        };

        var result = Triage(record);

        Assert.Equal(Duty.FollowUp, result.Duty);
        Assert.Contains(result.Checklist, c => c.Contains("モニタリング"));
    }

    [Fact]
    public void Return_area_in_another_prefecture_raises_the_flag_and_the_cooperation_request()
    {
        var record = Relative(Stage.InFacility);
        record.ReturnPrefecture = "東京都";

        var result = Triage(record);

        Assert.Contains(TriageFlag.OtherPrefecture, result.Flags);
        Assert.Contains(result.Checklist, c => c.Contains("支援業務協力依頼書") && c.Contains("東京都"));
    }

    [Fact]
    public void Return_area_in_the_centers_own_prefecture_raises_no_flag()
    {
        Assert.DoesNotContain(TriageFlag.OtherPrefecture, Triage(Relative(Stage.InFacility)).Flags);
    }

    [Theory]
    [InlineData(Stage.MtaInpatient)]
    [InlineData(Stage.MtaOutpatient)]
    public void Medical_treatment_act_cases_are_flagged(Stage stage)
    {
        var result = Triage(Relative(stage));

        Assert.Contains(TriageFlag.MedicalTreatmentAct, result.Flags);
        Assert.Contains(result.Checklist, c => c.Contains("社会復帰調整官"));
    }

    [Theory]
    [InlineData(-365, true)]
    [InlineData(-1095, false)]
    [InlineData(-1094, true)]
    [InlineData(-2000, false)]
    public void Special_addition_is_possible_within_three_years_of_release(int daysAgo, bool expected)
    {
        var record = Relative(Stage.Released);
        record.LeftFacilityDate = Today.AddDays(daysAgo);
        if (daysAgo == -1095)
        {
            record.LeftFacilityDate = Today.AddYears(-3);
        }

        Assert.Equal(expected, Triage(record).Flags.Contains(TriageFlag.SpecialAdditionPossible));
    }

    [Fact]
    public void Special_addition_is_possible_within_three_years_of_the_outpatient_decision()
    {
        var record = Relative(Stage.MtaOutpatient);
        record.OutpatientDecisionDate = Today.AddMonths(-20);

        var result = Triage(record);

        Assert.Contains(TriageFlag.SpecialAdditionPossible, result.Flags);
        Assert.Contains(result.Reasons, r => r.Contains("通院決定"));
    }

    [Theory]
    [InlineData(Answer.No, true)]
    [InlineData(Answer.Unknown, true)]
    [InlineData(null, true)]
    [InlineData(Answer.Yes, false)]
    public void A_relatives_case_without_the_subjects_confirmed_agreement_is_flagged(Answer? agrees, bool expected)
    {
        var record = Relative(Stage.Released);
        record.SubjectAgrees = agrees;

        Assert.Equal(expected, Triage(record).Flags.Contains(TriageFlag.SubjectConsentUnconfirmed));
    }

    [Fact]
    public void The_subject_asking_for_themselves_needs_no_separate_agreement()
    {
        var record = Relative(Stage.Released);
        record.Role = AskerRole.Self;
        record.SubjectAgrees = null;

        Assert.DoesNotContain(TriageFlag.SubjectConsentUnconfirmed, Triage(record).Flags);
    }

    [Fact]
    public void Disability_without_handbook_is_flagged_for_application_support()
    {
        var record = Relative(Stage.Released);
        record.Handbooks = [Handbook.None];

        var result = Triage(record);

        Assert.Contains(TriageFlag.NoHandbook, result.Flags);
        Assert.Contains(result.Reasons, r => r.Contains("手帳の申請支援"));
    }

    [Fact]
    public void No_handbook_without_any_disability_is_not_flagged()
    {
        var record = Relative(Stage.Released, disability: Disability.None);
        record.Handbooks = [Handbook.None];

        Assert.DoesNotContain(TriageFlag.NoHandbook, Triage(record).Flags);
    }

    [Fact]
    public void Probation_is_flagged_with_liaison_in_the_checklist()
    {
        var record = Relative(Stage.Released);
        record.OnProbation = Answer.Yes;

        var result = Triage(record);

        Assert.Contains(TriageFlag.OnProbation, result.Flags);
        Assert.Contains(result.Checklist, c => c.Contains("保護観察所"));
    }

    [Fact]
    public void Released_person_without_housing_is_high_priority()
    {
        var record = Relative(Stage.Released);
        record.HasHousing = Answer.No;

        var result = Triage(record);

        Assert.Contains(TriageFlag.NoHousing, result.Flags);
        Assert.Equal(Priority.High, result.Priority);
    }

    [Fact]
    public void A_stay_at_a_friends_or_a_net_cafe_is_triaged_as_no_housing_with_its_own_reason()
    {
        var record = Relative(Stage.Released);
        record.HasHousing = Answer.No;
        record.HousingUnstable = true;

        var result = Triage(record);

        Assert.Contains(TriageFlag.NoHousing, result.Flags);
        Assert.Equal(Priority.High, result.Priority);
        Assert.Contains(result.Reasons, r => r.Contains("一時的", StringComparison.Ordinal));
    }

    [Fact]
    public void No_housing_after_a_distant_release_is_medium_priority()
    {
        var record = Relative(Stage.InFacility);
        record.ReleaseDate = Today.AddDays(90);
        record.HasHousing = Answer.No;

        Assert.Equal(Priority.Medium, Triage(record).Priority);
    }

    [Fact]
    public void No_housing_does_not_lower_an_urgent_case()
    {
        var record = Relative(Stage.InFacility);
        record.ReleaseDate = Today.AddDays(1);
        record.HasHousing = Answer.No;

        Assert.Equal(Priority.Urgent, Triage(record).Priority);
    }

    [Fact]
    public void Medical_needs_raise_a_low_case_to_medium()
    {
        var record = Relative(Stage.SuspendedOrFined);
        record.Needs = [Need.Medical];

        var result = Triage(record);

        Assert.Equal(Priority.Medium, result.Priority);
        Assert.Contains(result.Reasons, r => r.Contains("医療・通院"));
    }

    [Fact]
    public void Every_flag_comes_with_a_reason()
    {
        var record = Relative(Stage.Released, age: 70);
        record.LeftFacilityDate = Today.AddMonths(-6);
        record.ReturnPrefecture = "大阪府";
        record.SubjectAgrees = Answer.Unknown;
        record.Handbooks = [Handbook.None];
        record.OnProbation = Answer.Yes;
        record.HasHousing = Answer.No;

        var result = Triage(record);

        Assert.Equal(7, result.Flags.Count);
        Assert.True(result.Reasons.Count >= result.Flags.Count + 1, string.Join("\n", result.Reasons));
    }

    [Fact]
    public void A_quiet_case_is_low_priority_due_in_a_week()
    {
        var result = Triage(Relative(Stage.SuspendedOrFined));

        Assert.Equal(Priority.Low, result.Priority);
        Assert.Equal(Today.AddDays(7), result.DueDate);
        Assert.Empty(result.Flags);
        Assert.Single(result.Reasons);
    }
}
