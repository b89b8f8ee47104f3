using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>
/// Checks that a request to /api/messages comes from the Bot Connector: a JWT signed by a key
/// from the configured OpenID metadata, with the expected issuer, the bot's app id as audience,
/// not expired (5 minutes of skew), and a <c>serviceUrl</c> claim (the endpoint compares it with
/// the activity's, so a token issued for one channel cannot make the bot post replies elsewhere).
/// Without an app id the endpoint is for local tools only, so only loopback callers pass.
/// </summary>
public sealed partial class BotConnectorAuthenticator
{
    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<BotConnectorAuthenticator> _logger;

    public BotConnectorAuthenticator(IOptions<BotFrameworkOptions> options, ILogger<BotConnectorAuthenticator> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (IsConfigured)
        {
            var retriever = new HttpDocumentRetriever
            {
                RequireHttps = _options.OpenIdMetadataUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
            };
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                _options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        }
    }

    public bool IsConfigured => _options.MicrosoftAppId.Length > 0;

    public async Task<BotConnectorAuthResult> AuthenticateAsync(HttpContext context)
    {
        if (!IsConfigured)
        {
            // Behind a reverse proxy on this machine every caller looks like loopback; a
            // forwarded request came from elsewhere, so it needs the app id configured.
            var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded");
            return !forwarded && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? BotConnectorAuthResult.Ok
                : BotConnectorAuthResult.Forbidden("LoopbackOnly");
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return BotConnectorAuthResult.Unauthorized("MissingToken");
        }

        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = await _metadata!.GetConfigurationAsync(context.RequestAborted);
        }
        catch (InvalidOperationException ex)
        {
            LogMetadataUnavailable(_logger, ex.GetType().Name);
            return BotConnectorAuthResult.Unauthorized("SigningKeysUnavailable");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = _options.ValidIssuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,
            // A kid that is not among the keys must fail, not fall back to trying every key.
            TryAllIssuerSigningKeys = false,
        };
        var result = await _handler.ValidateTokenAsync(header[7..].Trim(), parameters);
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // Keys rotate: fetch the metadata again next time (the manager rate-limits refreshes).
                _metadata!.RequestRefresh();
            }

            LogRejected(_logger, result.Exception?.GetType().Name ?? "invalid");
            return BotConnectorAuthResult.Unauthorized("InvalidToken");
        }

        var claimed = result.Claims.TryGetValue("serviceurl", out var value) || result.Claims.TryGetValue("serviceUrl", out value)
            ? value as string
            : null;
        return claimed is null ? BotConnectorAuthResult.Forbidden("ServiceUrlMissing") : BotConnectorAuthResult.Verified(claimed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector token rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector signing keys could not be fetched: {Error}")]
    private static partial void LogMetadataUnavailable(ILogger logger, string error);
}
