using System.Text;
using IntakeBot.Bot.Staff;
using Microsoft.AspNetCore.Antiforgery;

namespace IntakeBot.Bot.Dashboard;

/// <summary>The dashboard's page frame: head, navigation, a strict Content-Security-Policy (no script at all).</summary>
public static class Page
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    public static IResult Render(HttpContext context, string title, Action<Html> body, int status = StatusCodes.Status200OK, bool print = false)
    {
        var user = StaffPrincipal.TryFrom(context.User);
        var html = new Html();
        html.Raw("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" – IntakeBot</title><link rel=\"stylesheet\" href=\"/dashboard/dashboard.css\"></head>")
            .Raw(print ? "<body class=\"print\">" : "<body>");
        if (user is not null && !print)
        {
            html.Raw("<header class=\"nav\"><a href=\"/dashboard\">キュー</a> <a href=\"/dashboard/stats\">統計</a> ");
            if (user.IsAdmin)
            {
                html.Raw("<a href=\"/dashboard/admin\">管理</a> ");
            }

            html.Raw("<a href=\"/dashboard/password\">パスワード変更</a> <span class=\"who\">").Text(user.Name).Raw("（").Text(user.Role == StaffRoles.Admin ? "管理者" : "コーディネーター").Raw("）</span> ");
            html.Raw("<form method=\"post\" action=\"/dashboard/logout\" class=\"inline\">");
            Csrf(html, context);
            html.Raw("<button type=\"submit\">ログアウト</button></form></header>");
        }

        html.Raw("<main>");
        body(html);
        html.Raw("</main></body></html>");
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        // Forms of these pages must carry their Origin (no-referrer would make browsers send
        // "Origin: null", which the CSRF check refuses); other sites still get no referrer.
        context.Response.Headers["Referrer-Policy"] = "same-origin";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static void Csrf(Html html, HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        html.Hidden(tokens.FormFieldName, tokens.RequestToken);
    }

    public static IResult Message(HttpContext context, int status, string title, string message) =>
        Render(context, title, h => h.El("h1", title).El("p", message).Raw("<p><a href=\"/dashboard\">キューへ戻る</a></p>"), status);
}
