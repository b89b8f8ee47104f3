namespace IntakeBot.Dialogs.Records;

/// <summary>The kind of agency a 支援者 works for.</summary>
public enum SupporterKind
{
    CorrectionalFacility,
    ProbationOffice,
    RehabilitationFacility,
    WelfareProvider,
    Hospital,
    Government,
    Other,
}
