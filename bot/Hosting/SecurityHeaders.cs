namespace IntakeBot.Bot.Hosting;

/// <summary>
/// Security headers on every response. The Content-Security-Policy allows only this site's
/// scripts (no inline or eval'd script, so injected markup cannot run), and connections back to
/// this host over HTTP and WebSocket. Inline styles are allowed because Web Chat's CSS-in-JS
/// writes style elements at run time.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            var host = context.Request.Host.Value;
            headers.ContentSecurityPolicy =
                "default-src 'none'; "
                + "script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; "
                + "font-src 'self' data:; "
                + $"connect-src 'self' ws://{host} wss://{host}; "
                + "media-src 'self' blob:; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            await next();
        });
}
