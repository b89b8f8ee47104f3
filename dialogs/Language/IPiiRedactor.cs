namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Replaces personal information in user text with typed placeholders before the text leaves
/// the machine, and can put it back afterwards (<see cref="RedactionResult.Restore"/>).
/// Asynchronous so that a remote recognizer (Azure AI Language <c>PiiEntityRecognition</c>)
/// can implement it; <see cref="LocalPiiRedactor"/> is the offline default.
/// </summary>
public interface IPiiRedactor
{
    /// <summary>Redacts one text. Never returns null; text without personal information comes back unchanged.</summary>
    Task<RedactionResult> RedactAsync(string text, CancellationToken cancellationToken);

    /// <summary>Redacts several texts; the results are in the order of <paramref name="texts"/>.</summary>
    Task<IReadOnlyList<RedactionResult>> RedactBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
