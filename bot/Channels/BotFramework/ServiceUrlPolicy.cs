using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>
/// Which serviceUrls the bot may post replies to (SSRF): the one a validated Bot Connector token
/// vouched for, or one on <see cref="BotFrameworkOptions.AllowedServiceUrls"/>. An activity's
/// own serviceUrl is whatever its sender wrote.
/// </summary>
public sealed class ServiceUrlPolicy
{
    private readonly List<Uri> _allowed;
    private readonly bool _tokensRequired;

    public ServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
    {
        _tokensRequired = options.Value.MicrosoftAppId.Length > 0;
        _allowed = [];
        foreach (var entry in options.Value.AllowedServiceUrls)
        {
            if (!TryParse(entry, out var uri))
            {
                throw new InvalidOperationException($"Bot:AllowedServiceUrls holds '{entry}', which is not an absolute http or https URL.");
            }

            _allowed.Add(uri);
        }
    }

    /// <summary>Whether the endpoint may queue replies for <paramref name="serviceUrl"/>.</summary>
    /// <param name="serviceUrl">The activity's serviceUrl.</param>
    /// <param name="tokenServiceUrl">The serviceUrl claim of the request's validated token, if any.</param>
    public bool MayQueue(string? serviceUrl, string? tokenServiceUrl) =>
        serviceUrl is not null
        && ((tokenServiceUrl is not null && SameUrl(serviceUrl, tokenServiceUrl)) || IsAllowListed(serviceUrl));

    /// <summary>
    /// Checked again before each delivery, for what was queued before this check existed: with
    /// an app id every queued serviceUrl was the token's (the endpoint refuses any other).
    /// </summary>
    public bool MayDeliver(string serviceUrl) => (_tokensRequired && TryParse(serviceUrl, out _)) || IsAllowListed(serviceUrl);

    public bool IsAllowListed(string serviceUrl) =>
        TryParse(serviceUrl, out var uri) && _allowed.Any(allowed =>
            allowed.Scheme == uri.Scheme
            && string.Equals(allowed.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && allowed.Port == uri.Port
            && IsUnder(uri.AbsolutePath, allowed.AbsolutePath));

    /// <summary>Scheme, host and port only: enough for an operator to tell where, and no ids.</summary>
    public static string Describe(string? serviceUrl) =>
        TryParse(serviceUrl, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(not an http URL)";

    private static bool SameUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool IsUnder(string path, string basePath)
    {
        var prefix = basePath.TrimEnd('/');
        return prefix.Length == 0
               || path.TrimEnd('/').Equals(prefix, StringComparison.OrdinalIgnoreCase)
               || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryParse(string? url, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!)
        && uri.Scheme is "http" or "https"
        // user:password@host hides where a request goes from whoever reads the setting.
        && uri.UserInfo.Length == 0;
}
