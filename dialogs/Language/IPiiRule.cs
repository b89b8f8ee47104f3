namespace IntakeBot.Dialogs.Language;

/// <summary>One recognizer of <see cref="LocalPiiRedactor"/>. Findings may overlap; <see cref="RedactionResult.Create"/> settles that.</summary>
internal interface IPiiRule
{
    /// <param name="folded">The text after <see cref="FoldedText.Fold(string)"/>, so offsets are the original's.</param>
    IEnumerable<PiiSpan> Find(string folded);
}
