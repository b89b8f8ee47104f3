namespace IntakeBot.Bot.Language;

/// <summary>
/// One entity from Azure's <c>PiiEntityRecognition</c>, where it is and what the service called it.
/// The entity's text is not kept (see <see cref="AzureLanguageClient"/>): the offsets point into
/// the text the caller already has.
/// </summary>
/// <param name="Category">The service's category name, e.g. <c>Person</c>; map it with <c>AzurePiiCategories.TryMap</c>.</param>
/// <param name="Offset">Start in the document, in UTF-16 code units (the client requests <c>Utf16CodeUnit</c>).</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="ConfidenceScore">0 to 1.</param>
public sealed record AzurePiiEntity(string Category, int Offset, int Length, double ConfidenceScore);
