namespace IntakeBot.Dialogs.Triage;

/// <summary>Facts a coordinator must notice at a glance.</summary>
public enum TriageFlag
{
    /// <summary>他都道府県: 帰住予定地 is outside the center's prefecture.</summary>
    OtherPrefecture,
    /// <summary>医療観察法対象.</summary>
    MedicalTreatmentAct,
    /// <summary>社会生活支援特別加算の可能性.</summary>
    SpecialAdditionPossible,
    /// <summary>本人同意未確認.</summary>
    SubjectConsentUnconfirmed,
    /// <summary>手帳なし (申請支援).</summary>
    NoHandbook,
    /// <summary>保護観察中.</summary>
    OnProbation,
    /// <summary>住居なし.</summary>
    NoHousing,
    /// <summary>高齢 (65歳以上).</summary>
    Elderly,
    /// <summary>危機的な言葉があった.</summary>
    Crisis,
}
