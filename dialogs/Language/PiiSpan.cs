namespace IntakeBot.Dialogs.Language;

/// <summary>
/// A stretch of the original text found to be personal information, before it gets a placeholder.
/// Recognizers (the local rules, or a remote service's entities) produce these;
/// <see cref="RedactionResult.Create"/> turns them into a redaction.
/// </summary>
/// <param name="Category">What kind of information it is.</param>
/// <param name="Offset">Start in the original text, in UTF-16 code units (Azure: <c>stringIndexType=Utf16CodeUnit</c>).</param>
/// <param name="Length">Length in UTF-16 code units.</param>
public readonly record struct PiiSpan(PiiCategory Category, int Offset, int Length)
{
    /// <summary>One past the last code unit.</summary>
    public int End => Offset + Length;

    /// <summary>Whether the two spans share at least one code unit.</summary>
    public bool Overlaps(PiiSpan other) => Offset < other.End && other.Offset < End;
}
