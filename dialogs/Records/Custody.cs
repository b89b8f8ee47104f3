namespace IntakeBot.Dialogs.Records;

/// <summary>For a 被告人: held in custody or out on bail.</summary>
public enum Custody
{
    Detained,
    OnBail,
}
