namespace IntakeBot.Dialogs.Records;

/// <summary>障害者手帳 status: which handbook the subject holds, or that one is being applied for.</summary>
public enum Handbook
{
    /// <summary>療育手帳.</summary>
    Ryoiku,
    /// <summary>身体障害者手帳.</summary>
    Physical,
    /// <summary>精神障害者保健福祉手帳.</summary>
    Mental,
    /// <summary>申請中.</summary>
    Applying,
    /// <summary>持っていない.</summary>
    None,
}
