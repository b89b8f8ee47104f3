using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// Answers a dashboard request with a Razor component rendered on the server (static, no
/// circuit), under the desk's own headers: scripts only from this site, never cached.
/// </summary>
public static class DeskPage
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    public static IResult Render<TComponent>(HttpContext context, object? parameters = null, int status = StatusCodes.Status200OK)
        where TComponent : IComponent
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        // Forms of these pages must carry their Origin (no-referrer would make browsers send
        // "Origin: null", which the CSRF check refuses); other sites still get no referrer.
        headers["Referrer-Policy"] = "same-origin";
        return parameters is null
            ? new RazorComponentResult<TComponent> { StatusCode = status }
            : new RazorComponentResult<TComponent>(parameters) { StatusCode = status };
    }

    public static IResult Message(HttpContext context, int status, string title, string message) =>
        Render<MessagePage>(context, new { Title = title, Message = message }, status);

    public static string TicketUrl(string reference) => "/dashboard/tickets/" + Uri.EscapeDataString(reference);
}
