using System.Text;
using System.Text.RegularExpressions;

namespace IntakeBot.Knowledge.Tests;

public sealed partial class ArticleTests(LoadedKnowledge knowledge) : IClassFixture<LoadedKnowledge>
{
    private static readonly string[] Audiences = ["本人", "家族", "弁護士", "支援者"];

    [Fact]
    public void The_shipped_articles_load_from_the_application_folder_and_number_at_least_25()
    {
        Assert.True(knowledge.Base.Articles.Count >= 25, $"only {knowledge.Base.Articles.Count} articles");
    }

    [Fact]
    public void Every_article_has_the_required_front_matter()
    {
        foreach (var article in knowledge.Base.Articles)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", article.Id);
            Assert.False(string.IsNullOrWhiteSpace(article.Title), article.Id);
            Assert.NotEmpty(article.Audience);
            Assert.All(article.Audience, a => Assert.Contains(a, Audiences));
            Assert.NotEmpty(article.Keywords);
            Assert.NotEmpty(article.Sources);
        }
    }

    [Fact]
    public void Article_ids_are_unique()
    {
        var ids = knowledge.Base.Articles.Select(a => a.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_article_is_split_into_short_headed_sections()
    {
        foreach (var article in knowledge.Base.Articles)
        {
            Assert.NotEmpty(article.Sections);
            Assert.All(article.Sections, s =>
            {
                Assert.False(string.IsNullOrWhiteSpace(s.Heading), article.Id);
                Assert.False(string.IsNullOrWhiteSpace(s.PlainText), $"{article.Id} / {s.Heading}");
                Assert.DoesNotContain("**", s.PlainText, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void Every_article_cites_a_seed_document_or_the_center_policy()
    {
        var allowed = new[] { "000_6c716a5f94ebe3fb.txt", "004_d1a0bdd814b64f58.txt", "center" };
        Assert.All(knowledge.Base.Articles.SelectMany(a => a.Sources), s => Assert.Contains(s.Id, allowed));
        Assert.All(knowledge.Base.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
    }

    [Fact]
    public void Every_number_in_a_seed_based_article_appears_in_its_seed_documents()
    {
        // Guards against invented durations, fees, phone numbers or article numbers.
        var sourcesFolder = Path.Combine(AppContext.BaseDirectory, "knowledge", "sources");
        foreach (var article in knowledge.Base.Articles.Where(a => a.Sources.All(s => s.Id != "center")))
        {
            var seedText = string.Concat(article.Sources.Select(s => File.ReadAllText(Path.Combine(sourcesFolder, s.Id), Encoding.UTF8)))
                .Normalize(NormalizationForm.FormKC);
            var seedNumbers = Number().Matches(seedText).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            var articleText = OrderedListMarker().Replace(article.Markdown + "\n" + string.Join(" ", article.Keywords), string.Empty).Normalize(NormalizationForm.FormKC);
            foreach (var number in Number().Matches(articleText).Select(m => m.Value).Distinct())
            {
                Assert.True(seedNumbers.Contains(number), $"{article.Id}: number {number} does not appear in {string.Join(", ", article.Sources.Select(s => s.Id))}");
            }
        }
    }

    [Fact]
    public void Get_article_returns_the_full_article_for_a_details_page_and_null_for_an_unknown_id()
    {
        var article = knowledge.Base.GetArticle("iryo-kansatsu-outpatient");
        Assert.NotNull(article);
        Assert.Contains("## 通院の期間", article.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("keywords:", article.Markdown, StringComparison.Ordinal);
        Assert.Null(knowledge.Base.GetArticle("no-such-article"));
    }

    [Fact]
    public void The_faq_menu_lists_starter_questions_that_each_lead_to_their_own_article()
    {
        Assert.InRange(knowledge.Base.Faq.Count, 5, 12);
        foreach (var entry in knowledge.Base.Faq)
        {
            var answer = Assert.IsType<FoundAnswer>(knowledge.Base.Answer(entry.Question));
            Assert.Equal(entry.ArticleId, answer.ArticleId);
        }
    }

    [GeneratedRegex(@"(?m)^\s*[0-9]+\.\s")]
    private static partial Regex OrderedListMarker();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
