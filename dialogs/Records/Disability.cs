namespace IntakeBot.Dialogs.Records;

/// <summary>A disability, or a sign of one, as the asker reports it.</summary>
public enum Disability
{
    Intellectual,
    Mental,
    Physical,
    Developmental,
    SuspectedDementia,
    /// <summary>The asker says there is none.</summary>
    None,
}
