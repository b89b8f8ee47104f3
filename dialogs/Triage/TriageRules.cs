using System.Globalization;
using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Triage;

/// <summary>
/// The triage of an intake as pure rules. Every rule that fires adds one Japanese sentence to
/// the reasons, so a coordinator can see why a case was sorted the way it was and disagree.
/// </summary>
public static class TriageRules
{
    /// <summary>65歳以上 is 高齢 for the center's eligibility.</summary>
    public const int ElderlyAge = 65;
    /// <summary>A release or hearing this close (days) is 緊急.</summary>
    public const int UrgentWithinDays = 3;
    /// <summary>A release or hearing this close (days) is 高.</summary>
    public const int HighWithinDays = 14;
    /// <summary>社会生活支援特別加算 applies within 3 years of release or of the 通院決定.</summary>
    public const int SpecialAdditionYears = 3;

    public static TriageResult Evaluate(IntakeRecord record, DateOnly today, CenterProfile center, bool crisis = false)
    {
        var reasons = new List<string>();
        var flags = new List<TriageFlag>();

        var elderly = record.SubjectAge >= ElderlyAge;
        var disabled = record.Disabilities.Any(d => d != Disability.None);
        var duty = DecideDuty(record, elderly, disabled, reasons);

        if (elderly)
        {
            flags.Add(TriageFlag.Elderly);
            reasons.Add(Invariant($"ご本人は{record.SubjectAge}歳で、高齢（{ElderlyAge}歳以上）にあたります。"));
        }

        if (crisis)
        {
            flags.Add(TriageFlag.Crisis);
        }

        AddFlags(record, today, center, flags, reasons);
        var (priority, dueDate) = DecidePriority(record, today, crisis, reasons);

        var checklist = new List<string>(DutyChecklists.For(duty));
        if (flags.Contains(TriageFlag.OtherPrefecture))
        {
            checklist.Add($"帰住予定地（{record.ReturnPrefecture}）の地域生活定着支援センターへ「支援業務協力依頼書」で協力を依頼");
        }

        if (flags.Contains(TriageFlag.SubjectConsentUnconfirmed))
        {
            checklist.Insert(0, "ご本人がこの相談を知り、同意しているかを確認");
        }

        if (flags.Contains(TriageFlag.OnProbation))
        {
            checklist.Add("保護観察所（担当の保護観察官）と連携");
        }

        if (flags.Contains(TriageFlag.MedicalTreatmentAct))
        {
            checklist.Add("保護観察所の社会復帰調整官と連携");
        }

        return new TriageResult(duty, priority, dueDate, flags, reasons, checklist.Distinct().ToList());
    }

    private static Duty DecideDuty(IntakeRecord record, bool elderly, bool disabled, List<string> reasons)
    {
        var eligible = elderly || disabled;
        if (record.Role == AskerRole.Supporter && record.SupporterPurpose == SupporterPurpose.FollowUp)
        {
            reasons.Add("受け入れ先の支援者から、センターが支援中の方についての相談です（業務2 フォローアップ業務）。");
            return Duty.FollowUp;
        }

        if (record.Stage is Stage.Arrested or Stage.OnTrial && eligible)
        {
            reasons.Add("被疑者・被告人の段階で高齢または障がいがあるため、被疑者等支援業務（業務3）の候補です。"
                        + "この業務は保護観察所からの依頼で始まります。");
            return Duty.SuspectSupport;
        }

        if (record.Stage == Stage.InFacility && eligible)
        {
            reasons.Add("矯正施設に入所中で高齢または障がいがあるため、特別調整によるコーディネート業務（業務1）の候補です。"
                        + "保護観察所からの特別調整協力等依頼書が前提です。");
            return Duty.Coordination;
        }

        reasons.Add(record.Stage is Stage.Arrested or Stage.OnTrial or Stage.InFacility
            ? "高齢・障がいが確認できていないため、まず相談支援業務（業務4）として状況を確認します。"
            : "相談支援業務（業務4）として、福祉サービス等の利用について相談に応じます。");
        return Duty.Consultation;
    }

    private static void AddFlags(IntakeRecord record, DateOnly today, CenterProfile center, List<TriageFlag> flags, List<string> reasons)
    {
        if (record.ReturnPrefecture is { } prefecture && prefecture != center.Prefecture)
        {
            flags.Add(TriageFlag.OtherPrefecture);
            reasons.Add($"帰住予定地が{prefecture}で、当センターの{center.Prefecture}の外です。帰住地のセンターへの協力依頼が必要です。");
        }

        if (record.Stage is Stage.MtaInpatient or Stage.MtaOutpatient)
        {
            flags.Add(TriageFlag.MedicalTreatmentAct);
            reasons.Add("医療観察法の対象者です。");
        }

        var addition = SpecialAdditionReason(record, today);
        if (addition is not null)
        {
            flags.Add(TriageFlag.SpecialAdditionPossible);
            reasons.Add(addition);
        }

        if (record.Role is not null and not AskerRole.Self && record.SubjectAgrees != Answer.Yes)
        {
            flags.Add(TriageFlag.SubjectConsentUnconfirmed);
            reasons.Add("ご本人がこの相談を知っていて同意しているか、まだ確認できていません。");
        }

        if (record.Handbooks.Contains(Handbook.None) && record.Disabilities.Any(d => d != Disability.None))
        {
            flags.Add(TriageFlag.NoHandbook);
            reasons.Add("障がい（またはその疑い）がありますが、障害者手帳を持っていません。手帳の申請支援が考えられます。");
        }

        if (record.OnProbation == Answer.Yes)
        {
            flags.Add(TriageFlag.OnProbation);
            reasons.Add("保護観察中のため、保護観察所との連携が必要です。");
        }

        if (record.HasHousing == Answer.No)
        {
            flags.Add(TriageFlag.NoHousing);
            reasons.Add(record.HousingUnstable
                ? "決まった住む場所がありません（友人宅・ネットカフェ・施設などに一時的にいます）。"
                : "住む場所がありません。");
        }
    }

    private static string? SpecialAdditionReason(IntakeRecord record, DateOnly today)
    {
        if (record.Stage == Stage.Released && record.LeftFacilityDate is { } left && left.AddYears(SpecialAdditionYears) > today)
        {
            return $"退所（{Format(left)}）から{SpecialAdditionYears}年以内のため、社会生活支援特別加算の対象になる可能性があります。";
        }

        if (record.Stage == Stage.MtaOutpatient && record.OutpatientDecisionDate is { } decided && decided.AddYears(SpecialAdditionYears) > today)
        {
            return $"通院決定（{Format(decided)}）から{SpecialAdditionYears}年以内のため、社会生活支援特別加算の対象になる可能性があります。";
        }

        return null;
    }

    private static (Priority Priority, DateOnly DueDate) DecidePriority(IntakeRecord record, DateOnly today, bool crisis, List<string> reasons)
    {
        if (crisis)
        {
            reasons.Add("命や安全にかかわる言葉があったため、緊急です。すぐに連絡してください。");
            return (Priority.Urgent, today);
        }

        var priority = Priority.Low;
        var keyDate = KeyDate(record, today);
        if (keyDate is { } key)
        {
            var days = key.Date.DayNumber - today.DayNumber;
            if (days <= UrgentWithinDays)
            {
                priority = Priority.Urgent;
                reasons.Add(Invariant($"{key.Name}（{Format(key.Date)}）まで{days}日で、{UrgentWithinDays}日以内のため緊急です。"));
            }
            else if (days <= HighWithinDays)
            {
                priority = Priority.High;
                reasons.Add(Invariant($"{key.Name}（{Format(key.Date)}）まで{days}日で、{HighWithinDays}日以内のため優先度は高です。"));
            }
        }

        if (record.HasHousing == Answer.No)
        {
            var releasedAlready = record.Stage is Stage.Released or Stage.SuspendedOrFined or Stage.MtaOutpatient
                                  || (record.Stage == Stage.OnTrial && record.Custody == Custody.OnBail);
            var floor = releasedAlready ? Priority.High : Priority.Medium;
            if (floor < priority)
            {
                priority = floor;
                reasons.Add(releasedAlready
                    ? "いま住む場所がないため、優先度を高にしました。"
                    : "釈放・出所後の住まいがないため、優先度を中以上にしました。");
            }
        }

        if (record.Needs.Contains(Need.Medical) && Priority.Medium < priority)
        {
            priority = Priority.Medium;
            reasons.Add("医療・通院の必要があるため、優先度を中以上にしました。");
        }

        var due = priority switch
        {
            Priority.Urgent => today,
            Priority.High => today.AddDays(1),
            Priority.Medium => today.AddDays(3),
            _ => today.AddDays(7),
        };

        return (priority, due);
    }

    private static (string Name, DateOnly Date)? KeyDate(IntakeRecord record, DateOnly today)
    {
        var candidates = new List<(string Name, DateOnly Date)>();
        if (record.HearingDate is { } hearing && hearing >= today)
        {
            candidates.Add(("次回公判期日", hearing));
        }

        if (record.ReleaseDate is { } release && release >= today)
        {
            candidates.Add((record.Stage == Stage.MtaInpatient ? "退院予定日" : "釈放・出所予定日", release));
        }

        return candidates.Count == 0 ? null : candidates.MinBy(c => c.Date);
    }

    private static string Format(DateOnly date) => Invariant($"{date.Year}年{date.Month}月{date.Day}日");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
