namespace IntakeBot.Knowledge;

/// <summary>A knowledge article loaded from one Markdown file with YAML front matter.</summary>
public sealed class Article
{
    internal Article(
        string id,
        string title,
        IReadOnlyList<string> audience,
        IReadOnlyList<string> keywords,
        IReadOnlyList<SourceDocument> sources,
        IReadOnlyList<ArticleSection> sections,
        string markdown)
    {
        Id = id;
        Title = title;
        Audience = audience;
        Keywords = keywords;
        Sources = sources;
        Sections = sections;
        Markdown = markdown;
    }

    /// <summary>The article identifier (kebab-case ASCII, equal to the file name without <c>.md</c>).</summary>
    public string Id { get; }

    /// <summary>The article title.</summary>
    public string Title { get; }

    /// <summary>Who the article is written for: any of 本人, 家族, 弁護士, 支援者.</summary>
    public IReadOnlyList<string> Audience { get; }

    /// <summary>Search keywords from the front matter, including colloquial synonyms and kana spellings.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>The documents the article was written from.</summary>
    public IReadOnlyList<SourceDocument> Sources { get; }

    /// <summary>The article's <c>##</c> sections in file order.</summary>
    public IReadOnlyList<ArticleSection> Sections { get; }

    /// <summary>The whole article body as Markdown (front matter removed), for a full-article page.</summary>
    public string Markdown { get; }
}
