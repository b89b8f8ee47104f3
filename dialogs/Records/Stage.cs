namespace IntakeBot.Dialogs.Records;

/// <summary>Where the subject stands in the criminal justice process.</summary>
public enum Stage
{
    /// <summary>逮捕・勾留中（起訴前）: a 被疑者.</summary>
    Arrested,
    /// <summary>起訴後・公判中（勾留中・保釈中）: a 被告人.</summary>
    OnTrial,
    /// <summary>執行猶予・罰金.</summary>
    SuspendedOrFined,
    /// <summary>矯正施設入所中 (刑務所・少年院など).</summary>
    InFacility,
    /// <summary>矯正施設から退所済み.</summary>
    Released,
    /// <summary>医療観察法による入院中.</summary>
    MtaInpatient,
    /// <summary>医療観察法による通院中.</summary>
    MtaOutpatient,
}
