namespace IntakeBot.Dialogs.Conversation;

/// <summary>The states of the intake flow. Each question of the catalog is one state.</summary>
public enum IntakeStep
{
    /// <summary>Greeting and menu. Also where 「最初から」 returns.</summary>
    Welcome,
    /// <summary>Privacy consent (要配慮個人情報) before anything about the person is asked.</summary>
    Consent,
    /// <summary>Consent refused: only general questions are answered, nothing is stored.</summary>
    QuestionsOnly,

    /// <summary>Superstate of every step that belongs to a running intake (never current itself).</summary>
    InIntake,

    AskerRole,
    Relation,
    LawyerOffice,
    BarAssociation,
    /// <summary>裁判所・支部 (lawyers; optional).</summary>
    Court,
    /// <summary>事件番号 (lawyers; optional).</summary>
    CaseNumber,
    OrganizationName,
    SupporterKind,
    SupporterPurpose,
    /// <summary>ご本人の氏名 (not asked of 本人; optional).</summary>
    SubjectName,
    /// <summary>ふりがな of the subject's name, or for 本人 of their own (optional).</summary>
    SubjectNameKana,
    /// <summary>Where the person is now: 警察署・拘置所・刑務所・少年院・病院・施設 and its name (optional).</summary>
    Whereabouts,
    SubjectAge,
    Disabilities,
    Handbooks,
    Stage,
    Custody,
    ReleaseDate,
    HearingDate,
    LeftFacilityDate,
    OutpatientDecisionDate,
    ReturnArea,
    Housing,
    Guarantor,
    Probation,
    Needs,
    SubjectAgrees,
    Details,
    AskerName,
    Contact,
    /// <summary>Through whom, or where to send a letter, for someone without phone or mail (optional).</summary>
    ContactVia,
    ContactTime,

    /// <summary>The facts read from a story are shown back; the person confirms or rejects them.</summary>
    ConfirmStory,

    /// <summary>Every answer shown; send or correct.</summary>
    Review,
    /// <summary>Which answer to correct.</summary>
    ChooseEdit,
    /// <summary>Ticket created; questions are still answered.</summary>
    Done,

    /// <summary>Coming back to an earlier case: the 受付番号 and 引き継ぎコード are asked.</summary>
    Reattach,
    /// <summary>Attached to an earlier case: messages are 追記 to it, and its coordinator's replies can be read.</summary>
    Attached,
}
