using System.Net;

namespace IntakeBot.Bot.Hosting;

/// <summary>The addresses the host was told to listen on, and whether anyone but this machine can reach them.</summary>
public static class ListenAddresses
{
    /// <summary>
    /// Every address from <c>urls</c> (ASPNETCORE_URLS, --urls, Urls), <c>http_ports</c>/<c>https_ports</c>
    /// (which listen on every interface) and Kestrel's own endpoints.
    /// </summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        var addresses = new List<string>();
        addresses.AddRange(Split(configuration[WebHostDefaults.ServerUrlsKey]));
        addresses.AddRange(Split(configuration[WebHostDefaults.HttpPortsKey]).Select(port => $"http://*:{port}"));
        addresses.AddRange(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(port => $"https://*:{port}"));
        addresses.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>());
        return addresses;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and [::1]; false for wildcards (*, +, 0.0.0.0) and every other host.</summary>
    public static bool IsLoopback(string url) => IsLoopbackHost(HostOf(url));

    /// <summary>True for a host name that only this machine answers to: localhost, 127.0.0.0/8, [::1].</summary>
    public static bool IsLoopbackHost(string host)
    {
        var name = host.Trim('[', ']');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    private static string HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        if (end >= 0)
        {
            rest = rest[..end];
        }

        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[..(close + 1)] : rest;
        }

        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
