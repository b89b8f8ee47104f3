namespace IntakeBot.Knowledge.Retrieval;

/// <summary>One searchable unit: a section with the title and keywords of its article.</summary>
internal sealed record IndexedSection(Article Article, ArticleSection Section);
