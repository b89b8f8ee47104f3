using IntakeBot.Bot.Hosting;
using Microsoft.Net.Http.Headers;

namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>
/// Refuses on /api/messages what a web page could make a browser send. Without an app id the
/// endpoint trusts loopback callers, and a page open in a browser on the bot's machine is one:
/// a "simple" cross-site POST (<c>text/plain</c>, no preflight) would run a turn. The Bot
/// Connector and local tools send <c>application/json</c> and no <c>Origin</c> or
/// <c>Sec-Fetch-Site</c>, so the same rules cost them nothing when an app id is set.
/// </summary>
public static class CrossSiteCheck
{
    /// <summary>The error to answer with, or null when the request may go on.</summary>
    /// <param name="request">The request to /api/messages.</param>
    /// <param name="loopbackOnly">No app id: also require a loopback host name, so that a page
    /// on a name the attacker controls, resolved to 127.0.0.1 (DNS rebinding), is refused even
    /// where <c>AllowedHosts</c> was set to <c>*</c>.</param>
    public static IResult? Refusal(HttpRequest request, bool loopbackOnly)
    {
        if (loopbackOnly && !ListenAddresses.IsLoopbackHost(request.Host.Host))
        {
            return ApiError.Result(StatusCodes.Status403Forbidden, "HostNotAllowed", "Without an app id, /api/messages answers only requests to localhost.");
        }

        // A preflight-free cross-site POST can only be text/plain, form-urlencoded or multipart.
        if (!IsJson(request.ContentType))
        {
            return ApiError.Result(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The activity must be sent as application/json.");
        }

        // Browsers send Sec-Fetch-Site on every request; same-site is another origin too (another port or subdomain).
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return CrossSite();
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsSameOrigin(origin, request))
        {
            return CrossSite();
        }

        return null;
    }

    private static IResult CrossSite() =>
        ApiError.Result(StatusCodes.Status403Forbidden, "CrossSiteRequest", "Requests from web pages of other sites are not accepted.");

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Only a charset may qualify it, and only UTF-8 (what the reader decodes).
        return media.Parameters.All(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase))
               && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        // "null" (sandboxed frames, file: pages, redirects) never matches.
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme.Equals(request.Scheme, StringComparison.OrdinalIgnoreCase)
        && request.Host.HasValue
        && uri.IdnHost.Trim('[', ']').Equals(request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
}
