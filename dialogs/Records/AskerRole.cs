namespace IntakeBot.Dialogs.Records;

/// <summary>Who is talking to the bot.</summary>
public enum AskerRole
{
    /// <summary>本人: the person who needs support.</summary>
    Self,
    /// <summary>家族・親族.</summary>
    Family,
    /// <summary>弁護士 (defence counsel).</summary>
    Lawyer,
    /// <summary>支援者・関係機関.</summary>
    Supporter,
}
