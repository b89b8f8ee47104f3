namespace IntakeBot.Dialogs.Triage;

/// <summary>The triage of one intake: what it is, how urgent, and every reason in words a coordinator can check.</summary>
/// <param name="Duty">業務区分.</param>
/// <param name="Priority">優先度.</param>
/// <param name="DueDate">When the first call back should happen at the latest.</param>
/// <param name="Flags">Flags in a fixed order.</param>
/// <param name="Reasons">One Japanese sentence per rule that fired.</param>
/// <param name="Checklist">Next steps for the coordinator.</param>
public sealed record TriageResult(
    Duty Duty,
    Priority Priority,
    DateOnly DueDate,
    IReadOnlyList<TriageFlag> Flags,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Checklist);
