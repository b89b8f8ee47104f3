namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Tells which language a user message is written in, so that writers of other languages get a
/// short fixed reply in their language (<see cref="ForeignLanguageNotice"/>). Asynchronous so
/// that a remote detector (Azure AI Language <c>LanguageDetection</c>) can implement it;
/// <see cref="LocalLanguageDetector"/> is the offline default.
/// Implementations answer Japanese whenever they are unsure: the service is Japanese, and a
/// wrong "foreign language" reply to a Japanese writer is a dead end.
/// </summary>
public interface ILanguageDetector
{
    /// <summary>Detects the language of one message. Never returns null.</summary>
    Task<DetectedLanguage> DetectAsync(string text, CancellationToken cancellationToken);
}
