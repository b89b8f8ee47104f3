namespace IntakeBot.Knowledge;

/// <summary>
/// A document that articles are written from: one of the center's seed documents, or
/// <c>center</c> for the center's own chat policy.
/// </summary>
/// <param name="Id">The identifier used in an article's <c>source</c> front matter (a seed file name or <c>center</c>).</param>
/// <param name="Title">A human-readable title to show next to an answer.</param>
public sealed record SourceDocument(string Id, string Title);
