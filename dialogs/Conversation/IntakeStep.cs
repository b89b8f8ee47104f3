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
    OrganizationName,
    SupporterKind,
    SupporterPurpose,
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
    ContactTime,

    /// <summary>The facts read from a story are shown back; the person confirms or rejects them.</summary>
    ConfirmStory,

    /// <summary>Every answer shown; send or correct.</summary>
    Review,
    /// <summary>Which answer to correct.</summary>
    ChooseEdit,
    /// <summary>Ticket created; questions are still answered.</summary>
    Done,
}
