namespace IntakeBot.Dialogs.Triage;

/// <summary>優先度. Ordered so that a lower number is more urgent (a queue sorts ascending).</summary>
public enum Priority
{
    /// <summary>緊急.</summary>
    Urgent = 0,
    /// <summary>高.</summary>
    High = 1,
    /// <summary>中.</summary>
    Medium = 2,
    /// <summary>低.</summary>
    Low = 3,
}
