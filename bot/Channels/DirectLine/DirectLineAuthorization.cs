using IntakeBot.Bot.Hosting;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>Reads the Bearer token of a Direct Line call and checks it against the conversation in the path.</summary>
public static class DirectLineAuthorization
{
    public static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>
    /// The token when it is valid for <paramref name="conversationId"/> (or for any conversation
    /// when null); otherwise the answer: 401 when missing, malformed or expired, 403 when it
    /// belongs to another conversation.
    /// </summary>
    public static (DirectLineToken? Token, IResult? Error) Authorize(
        DirectLineTokens tokens, string? token, string? conversationId, DirectLineTokenKind kind = DirectLineTokenKind.Conversation)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, ApiError.Result(StatusCodes.Status401Unauthorized, "TokenMissing", "A Bearer token is required."));
        }

        var (validity, read) = tokens.Read(token, kind);
        return validity switch
        {
            TokenValidity.Expired => (null, ApiError.Result(StatusCodes.Status401Unauthorized, "TokenExpired", "The token has expired.")),
            TokenValidity.Invalid => (null, ApiError.Result(StatusCodes.Status401Unauthorized, "TokenInvalid", "The token is not valid.")),
            _ when conversationId is not null && !string.Equals(read!.ConversationId, conversationId, StringComparison.Ordinal) =>
                (null, ApiError.Result(StatusCodes.Status403Forbidden, "TokenConversationMismatch", "The token is not valid for this conversation.")),
            _ => (read, null),
        };
    }

    /// <summary>
    /// The Origin rule of the REST routes, for the WebSocket (which CORS does not cover): no
    /// Origin (a client that is not a browser), the host's own origin, or one of
    /// <c>DirectLine:AllowedOrigins</c>. A browser always sends Origin on a WebSocket, so a page
    /// on any other site is refused before the upgrade.
    /// </summary>
    public static bool IsAllowedOrigin(HttpContext context, DirectLineOptions options)
    {
        var origins = context.Request.Headers.Origin;
        if (origins.Count == 0)
        {
            return true;
        }

        if (origins.Count > 1)
        {
            return false;
        }

        var origin = origins[0]!.TrimEnd('/');
        return IsOwnHost(origin, context.Request.Host)
               || (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicBase)
                   && string.Equals(origin, publicBase.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
               || options.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The page came from this host (same name and port). The scheme is not compared: behind a
    /// proxy that ends TLS the request arrives as http while the page's origin is https.
    /// </summary>
    private static bool IsOwnHost(string origin, HostString host)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || from.Scheme is not ("http" or "https")
            || !string.Equals(from.Host, host.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return from.IsDefaultPort ? host.Port is null or 80 or 443 : host.Port == from.Port;
    }
}
