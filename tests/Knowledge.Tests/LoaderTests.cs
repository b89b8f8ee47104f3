namespace IntakeBot.Knowledge.Tests;

public sealed class LoaderTests : IDisposable
{
    private const string Sources = "- id: seed.txt\n  title: 資料\n";
    private readonly string folder = Directory.CreateTempSubdirectory("knowledge-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_valid_article_folder_loads_with_sections_and_sources()
    {
        Write("_sources.yml", Sources);
        Write("sample.md", Article("sample", "seed.txt"));

        var knowledgeBase = KnowledgeBase.Load(folder);

        var article = Assert.Single(knowledgeBase.Articles);
        Assert.Equal("見本", article.Title);
        Assert.Equal(["はじめに", "リスト"], article.Sections.Select(s => s.Heading));
        Assert.Equal("・一つ目\n・二つ目", article.Sections[1].PlainText);
        Assert.Equal("資料", Assert.Single(article.Sources).Title);
        Assert.Empty(knowledgeBase.Faq);
    }

    [Fact]
    public void Two_articles_with_the_same_id_are_rejected()
    {
        Write("_sources.yml", Sources);
        Write("sample.md", Article("sample", "seed.txt"));
        Write("sample-copy.md", Article("sample", "seed.txt"));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeBase.Load(folder));
        Assert.Contains("sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_citing_an_unlisted_source_is_rejected()
    {
        Write("_sources.yml", Sources);
        Write("sample.md", Article("sample", "invented.txt"));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeBase.Load(folder));
        Assert.Contains("invented.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_without_front_matter_is_rejected()
    {
        Write("_sources.yml", Sources);
        Write("sample.md", "# 見本\n\n## はじめに\n本文です。\n");

        Assert.Throws<KnowledgeLoadException>(() => KnowledgeBase.Load(folder));
    }

    [Fact]
    public void An_article_missing_keywords_is_rejected()
    {
        Write("_sources.yml", Sources);
        Write("sample.md", Article("sample", "seed.txt").Replace("keywords: [見本, みほん]\n", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeBase.Load(folder));
        Assert.Contains("keywords", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_faq_entry_pointing_to_a_missing_article_is_rejected()
    {
        Write("_sources.yml", Sources);
        Write("sample.md", Article("sample", "seed.txt"));
        Write("_faq.yml", "- question: 何ですか？\n  article: missing\n");

        Assert.Throws<KnowledgeLoadException>(() => KnowledgeBase.Load(folder));
    }

    private static string Article(string id, string source) =>
        $"---\nid: {id}\ntitle: 見本\naudience: [家族]\nkeywords: [見本, みほん]\nsource: [{source}]\n---\n# 見本\n\n## はじめに\n見本の**本文**です。\n\n## リスト\n- 一つ目\n- 二つ目\n";

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);
}
