namespace IntakeBot.Knowledge;

/// <summary>One <c>##</c> section of an article; each section is meant to answer a question on its own.</summary>
/// <param name="Heading">The section heading without the <c>##</c> marker.</param>
/// <param name="Markdown">The Markdown of the section body (without its heading).</param>
/// <param name="PlainText">The section body as plain text, list items as lines starting with 「・」 or a number.</param>
public sealed record ArticleSection(string Heading, string Markdown, string PlainText);
