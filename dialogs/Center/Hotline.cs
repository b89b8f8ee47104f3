namespace IntakeBot.Dialogs.Center;

/// <summary>A phone line to show in emergencies.</summary>
public sealed class Hotline
{
    public string Name { get; set; } = string.Empty;
    public string Number { get; set; } = string.Empty;
}
