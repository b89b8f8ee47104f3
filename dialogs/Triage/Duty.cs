namespace IntakeBot.Dialogs.Triage;

/// <summary>業務区分: which of the center's duties a case belongs to (numbers as in the seed).</summary>
public enum Duty
{
    /// <summary>業務1 コーディネート業務 (特別調整, 矯正施設入所者).</summary>
    Coordination = 1,
    /// <summary>業務2 フォローアップ業務.</summary>
    FollowUp = 2,
    /// <summary>業務3 被疑者等支援業務 (入口支援).</summary>
    SuspectSupport = 3,
    /// <summary>業務4 相談支援業務.</summary>
    Consultation = 4,
}
