using System.Net;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.Knowledge;

public sealed class ArticlePageTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_more_link_under_a_chat_answer_opens_the_whole_article_with_its_source()
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();

        var replies = await chat.SendAsync("刑務所を出た後の住まいはどうなりますか？");

        var link = replies
            .SelectMany(a => a.Attachments ?? [])
            .Select(a => a.Content as JsonObject)
            .SelectMany(c => c?["buttons"]?.AsArray() ?? [])
            .Select(b => (string?)b?["value"])
            .Single(v => v is not null && v.StartsWith("/articles/", StringComparison.Ordinal));
        using var page = await _host.Client.GetAsync(link!.TrimStart('/'));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("出典：", html, StringComparison.Ordinal);
        Assert.Contains("住まい", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-article")]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task An_unknown_article_is_a_plain_404_page_that_echoes_nothing(string id)
    {
        using var page = await _host.Client.GetAsync("articles/" + id);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("appsettings", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[押してください](javascript:alert(1))", "javascript:")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "javascript:")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "href=\"data:")]
    public void Markup_or_script_links_in_an_article_are_never_rendered_live(string markdown, string mustNotAppear)
    {
        var html = global::IntakeBot.Bot.Knowledge.ArticlePage.Render("題", "# 題\n\n" + markdown, ["出典"]);

        Assert.DoesNotContain(mustNotAppear, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ordinary_links_in_an_article_are_kept()
    {
        var html = global::IntakeBot.Bot.Knowledge.ArticlePage.Render("題", "[センター](https://example.jp/) [電話](tel:0450000000) [次](/articles/eligibility)", []);

        Assert.Contains("href=\"https://example.jp/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:0450000000\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/eligibility\"", html, StringComparison.Ordinal);
    }
}
