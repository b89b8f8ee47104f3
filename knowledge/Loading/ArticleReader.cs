using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IntakeBot.Knowledge.Loading;

/// <summary>Reads the articles folder: <c>*.md</c> articles, <c>_sources.yml</c> and <c>_faq.yml</c>, and checks their rules.</summary>
internal static partial class ArticleReader
{
    public const string SourcesFile = "_sources.yml";
    public const string FaqFile = "_faq.yml";

    private static readonly HashSet<string> Audiences = ["本人", "家族", "弁護士", "支援者"];

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static IReadOnlyDictionary<string, SourceDocument> ReadSources(string directory)
    {
        var path = Path.Combine(directory, SourcesFile);
        var entries = ReadYamlFile<List<SourceEntry>>(path) ?? [];
        var sources = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Title))
            {
                throw new KnowledgeLoadException($"{path}: every source needs an id and a title.");
            }

            if (!sources.TryAdd(entry.Id, new SourceDocument(entry.Id, entry.Title)))
            {
                throw new KnowledgeLoadException($"{path}: source '{entry.Id}' is listed twice.");
            }
        }

        return sources;
    }

    public static IReadOnlyList<FaqEntry> ReadFaq(string directory, IReadOnlyDictionary<string, Article> articles)
    {
        var path = Path.Combine(directory, FaqFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = ReadYamlFile<List<FaqFileEntry>>(path) ?? [];
        return entries.Select(e =>
        {
            if (string.IsNullOrWhiteSpace(e.Question) || e.Article is null || !articles.ContainsKey(e.Article))
            {
                throw new KnowledgeLoadException($"{path}: FAQ '{e.Question}' needs a question and an existing article (got '{e.Article}').");
            }

            return new FaqEntry(e.Question.Trim(), e.Article);
        }).ToList();
    }

    public static Article ReadArticle(string path, IReadOnlyDictionary<string, SourceDocument> sources)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (yaml, body) = SplitFrontMatter(path, text);
        FrontMatter front;
        try
        {
            front = Yaml.Deserialize<FrontMatter?>(yaml) ?? throw new KnowledgeLoadException($"{path}: the front matter is empty.");
        }
        catch (YamlException e)
        {
            throw new KnowledgeLoadException($"{path}: the front matter is not valid YAML: {e.Message}", e);
        }

        var id = Require(path, "id", front.Id);
        if (!IdPattern().IsMatch(id))
        {
            throw new KnowledgeLoadException($"{path}: id '{id}' must be kebab-case ASCII.");
        }

        if (!string.Equals(Path.GetFileNameWithoutExtension(path), id, StringComparison.Ordinal))
        {
            throw new KnowledgeLoadException($"{path}: the file must be named {id}.md after its id.");
        }

        var title = Require(path, "title", front.Title);
        var audience = RequireList(path, "audience", front.Audience);
        var unknownAudience = audience.FirstOrDefault(a => !Audiences.Contains(a));
        if (unknownAudience is not null)
        {
            throw new KnowledgeLoadException($"{path}: audience '{unknownAudience}' is not one of {string.Join("/", Audiences)}.");
        }

        var keywords = RequireList(path, "keywords", front.Keywords);
        var sourceDocuments = RequireList(path, "source", front.Source)
            .Select(s => sources.TryGetValue(s, out var doc)
                ? doc
                : throw new KnowledgeLoadException($"{path}: source '{s}' is not listed in {SourcesFile}."))
            .ToList();
        var sections = ReadSections(body, title);
        if (sections.Count == 0)
        {
            throw new KnowledgeLoadException($"{path}: the article has no ## section.");
        }

        return new Article(id, title, audience, keywords, sourceDocuments, sections, body.Trim() + "\n");
    }

    private static (string Yaml, string Body) SplitFrontMatter(string path, string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new KnowledgeLoadException($"{path}: the file must start with YAML front matter between --- lines.");
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new KnowledgeLoadException($"{path}: the front matter is not closed by a --- line.");
        }

        return (text[4..(end + 1)], text[(end + 5)..]);
    }

    private static List<ArticleSection> ReadSections(string body, string title)
    {
        var document = Markdown.Parse(body, Pipeline);
        var sections = new List<ArticleSection>();
        string? heading = null;
        var markdown = new StringBuilder();
        var plain = new StringBuilder();

        void Flush()
        {
            if (plain.Length > 0)
            {
                sections.Add(new ArticleSection(heading ?? title, markdown.ToString().Trim(), plain.ToString().Trim()));
            }

            markdown.Clear();
            plain.Clear();
        }

        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } h)
            {
                Flush();
                heading = h.Level == 2 ? InlineText(h.Inline).Trim() : null;
                continue;
            }

            markdown.Append(body, block.Span.Start, block.Span.Length).Append("\n\n");
            AppendPlain(block, plain);
        }

        Flush();
        return sections;
    }

    private static void AppendPlain(Block block, StringBuilder plain)
    {
        switch (block)
        {
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    plain.Append(list.IsOrdered ? $"{number++}. " : "・");
                    var inner = new StringBuilder();
                    foreach (var child in item)
                    {
                        AppendPlain(child, inner);
                    }

                    plain.Append(inner.ToString().Trim().Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendPlain(child, plain);
                }

                break;
            case LeafBlock { Inline: not null } leaf:
                plain.Append(InlineText(leaf.Inline).Trim()).Append('\n');
                break;
            case LeafBlock leaf:
                plain.Append(leaf.Lines.ToString().Trim()).Append('\n');
                break;
        }
    }

    private static string InlineText(ContainerInline? container)
    {
        var builder = new StringBuilder();
        foreach (var inline in container?.Descendants() ?? [])
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline { IsHard: true }:
                    builder.Append('\n');
                    break;
            }
        }

        return builder.ToString();
    }

    private static T? ReadYamlFile<T>(string path)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw new KnowledgeLoadException($"{path} is missing.");
        }

        try
        {
            return Yaml.Deserialize<T?>(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (YamlException e)
        {
            throw new KnowledgeLoadException($"{path} is not valid YAML: {e.Message}", e);
        }
    }

    private static string Require(string path, string field, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new KnowledgeLoadException($"{path}: front matter '{field}' is required.")
            : value.Trim();

    private static List<string> RequireList(string path, string field, List<string>? values)
    {
        var cleaned = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() ?? [];
        return cleaned.Count == 0
            ? throw new KnowledgeLoadException($"{path}: front matter '{field}' needs at least one entry.")
            : cleaned;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
