namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>The outcome of checking a request to /api/messages: allowed, or the status and error code to answer.</summary>
/// <param name="Allowed">Whether the caller may run a turn.</param>
/// <param name="StatusCode">The status to answer when not allowed.</param>
/// <param name="Code">The error code to answer when not allowed.</param>
/// <param name="ServiceUrl">The token's serviceUrl claim; null when no token was required (loopback).</param>
public sealed record BotConnectorAuthResult(bool Allowed, int StatusCode, string Code, string? ServiceUrl)
{
    public static BotConnectorAuthResult Ok { get; } = new(true, StatusCodes.Status200OK, string.Empty, null);

    public static BotConnectorAuthResult Verified(string serviceUrl) => new(true, StatusCodes.Status200OK, string.Empty, serviceUrl);

    public static BotConnectorAuthResult Unauthorized(string code) => new(false, StatusCodes.Status401Unauthorized, code, null);

    public static BotConnectorAuthResult Forbidden(string code) => new(false, StatusCodes.Status403Forbidden, code, null);

    /// <summary>True when no token was required, or the activity's serviceUrl is the one the token was issued for.</summary>
    public bool Permits(string? activityServiceUrl) =>
        ServiceUrl is null
        || (activityServiceUrl is not null
            && string.Equals(ServiceUrl.TrimEnd('/'), activityServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
