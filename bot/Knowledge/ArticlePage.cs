using System.Text;
using System.Text.Encodings.Web;
using IntakeBot.Knowledge;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IntakeBot.Bot.Knowledge;

/// <summary>
/// One knowledge article as a page, for the 「詳しく」 link under an answer in the chat. The
/// articles are the center's own text, but raw HTML in them is not passed through and links
/// may only go to web pages, mail or phone, so a mistake in an article can never put markup
/// or script on the page.
/// </summary>
public static class ArticlePage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static string Render(Article article) =>
        Render(article.Title, article.Markdown, article.Sources.Select(s => s.Title));

    public static string Render(string title, string markdown, IEnumerable<string> sourceTitles)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        var body = new StringBuilder(Markdown.ToHtml(document, Pipeline));
        body.Append("<p class=\"sources\">出典：");
        body.AppendJoin("、", sourceTitles.Select(HtmlEncoder.Default.Encode));
        body.Append("</p>");
        return Frame(title, body.ToString());
    }

    public static string NotFound() =>
        Frame("ページが見つかりません", "<p>お探しの説明は見つかりませんでした。チャットで質問していただくか、センターにお電話ください。</p>");

    /// <summary>A site-relative link, a fragment, or a link with a scheme we allow.</summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.StartsWith('#') || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
        {
            return true;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOf('/', StringComparison.Ordinal);
        var hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        return hasScheme
            ? SafeSchemes.Contains(url[..colon], StringComparer.OrdinalIgnoreCase)
            : !url.StartsWith("//", StringComparison.Ordinal);
    }

    private static string Frame(string title, string body)
    {
        var encodedTitle = HtmlEncoder.Default.Encode(title);
        return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
               + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               + $"<title>{encodedTitle}</title><link rel=\"stylesheet\" href=\"/site.css\"></head>"
               + "<body class=\"article\"><main>"
               + "<p><a href=\"/\">← チャットにもどる</a></p>"
               + body
               + "<p><a href=\"/\">← チャットにもどる</a></p>"
               + "</main></body></html>";
    }
}
