using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Records;

/// <summary>
/// The facts an intake collects about the asker and the person who needs support (the subject).
/// A null value means "not asked yet" or "the asker does not know"; the conversation state
/// records which questions were answered, so the two can be told apart.
/// </summary>
public sealed class IntakeRecord
{
    public AskerRole? Role { get; set; }
    public Relation? Relation { get; set; }

    public string? LawyerOffice { get; set; }
    public string? BarAssociation { get; set; }

    public string? OrganizationName { get; set; }
    public SupporterKind? SupporterKind { get; set; }
    public SupporterPurpose? SupporterPurpose { get; set; }

    /// <summary>裁判所・支部 (asked of lawyers).</summary>
    public string? Court { get; set; }
    /// <summary>事件番号 (e.g. 「令和8年(わ)第123号」), asked of lawyers.</summary>
    public string? CaseNumber { get; set; }

    /// <summary>ご本人の氏名 (personal data: the ticket's record is encrypted at rest). For 本人, <see cref="AskerName"/> is it.</summary>
    public string? SubjectName { get; set; }
    /// <summary>ご本人の氏名のふりがな (for 本人, of <see cref="AskerName"/>).</summary>
    public string? SubjectNameKana { get; set; }
    /// <summary>Where the person is now (警察署・拘置所・刑務所・少年院・病院・施設…).</summary>
    public PlaceKind? WhereaboutsKind { get; set; }
    /// <summary>The place's name (「横浜拘置支所」), when given.</summary>
    public string? WhereaboutsName { get; set; }

    public int? SubjectAge { get; set; }
    public DateOnly? SubjectBirthDate { get; set; }
    public List<Disability> Disabilities { get; set; } = [];
    public List<Handbook> Handbooks { get; set; } = [];

    public Stage? Stage { get; set; }
    public Custody? Custody { get; set; }
    /// <summary>釈放・出所・退院の予定日.</summary>
    public DateOnly? ReleaseDate { get; set; }
    /// <summary>次回公判期日.</summary>
    public DateOnly? HearingDate { get; set; }
    /// <summary>矯正施設を退所した日.</summary>
    public DateOnly? LeftFacilityDate { get; set; }
    /// <summary>医療観察法の通院決定（退院許可決定）の日.</summary>
    public DateOnly? OutpatientDecisionDate { get; set; }

    /// <summary>帰住予定地の都道府県 (e.g. 「神奈川県」).</summary>
    public string? ReturnPrefecture { get; set; }
    /// <summary>帰住予定地の市区町村 (e.g. 「横浜市」).</summary>
    public string? ReturnCity { get; set; }
    public Answer? HasHousing { get; set; }
    /// <summary>
    /// With <see cref="HasHousing"/> = No: the subject stays somewhere for now (友人宅・ネットカフェ・
    /// 施設の一時利用) but has no settled home. Triage treats it as 住居なし.
    /// </summary>
    public bool HousingUnstable { get; set; }
    public Answer? HasGuarantor { get; set; }
    public Answer? OnProbation { get; set; }
    public List<Need> Needs { get; set; } = [];
    /// <summary>Whether 本人 knows about and agrees to this consultation.</summary>
    public Answer? SubjectAgrees { get; set; }
    public string? Details { get; set; }

    public string? AskerName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>How to reach the person when it is not (only) a phone or mail: null with a phone or mail from before this was asked.</summary>
    public ContactWay? ContactWay { get; set; }
    /// <summary>Through whom (支援者), or where to send a letter; optional.</summary>
    public string? ContactVia { get; set; }
    public string? ContactTime { get; set; }

    /// <summary>
    /// Questions whose answer the asker only heard from someone else (「〜と聞いています」): the fact
    /// is kept, and the review and the ticket say it is hearsay.
    /// </summary>
    public List<IntakeStep> Hearsay { get; set; } = [];

    /// <summary>For hearsay answers, who the asker heard them from when they said so (「弁護士さん」).</summary>
    public Dictionary<IntakeStep, string> HeardFrom { get; set; } = [];

    /// <summary>A deep copy: the lists are new, everything else is a value or an immutable string.</summary>
    public IntakeRecord Clone()
    {
        var copy = (IntakeRecord)MemberwiseClone();
        copy.Disabilities = [.. Disabilities];
        copy.Handbooks = [.. Handbooks];
        copy.Needs = [.. Needs];
        copy.Hearsay = [.. Hearsay];
        copy.HeardFrom = new Dictionary<IntakeStep, string>(HeardFrom);
        return copy;
    }
}
