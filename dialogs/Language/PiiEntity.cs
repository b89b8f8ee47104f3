namespace IntakeBot.Dialogs.Language;

/// <summary>One piece of personal information that was replaced in a <see cref="RedactionResult"/>.</summary>
/// <param name="Category">What kind of information it is.</param>
/// <param name="Text">The original text, exactly as the user wrote it.</param>
/// <param name="Offset">Start in the original text, in UTF-16 code units.</param>
/// <param name="Length">Length in the original text, in UTF-16 code units.</param>
/// <param name="Placeholder">What replaced it in the redacted text, e.g. <c>[PERSON_1]</c>.</param>
public sealed record PiiEntity(PiiCategory Category, string Text, int Offset, int Length, string Placeholder)
{
    /// <summary>
    /// Category and placeholder only: the generated record ToString would print the personal
    /// information itself into whatever log or exception message the entity ends up in.
    /// </summary>
    public override string ToString() => $"{Category} {Placeholder} @{Offset}+{Length}";
}
