using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace IntakeBot.Bot.Hosting;

/// <summary>
/// Refuses a request whose <c>Host</c> is not one of <c>AllowedHosts</c> (a page on a name the
/// attacker controls, resolved to this machine: DNS rebinding), before anything else runs, with
/// the API's JSON error. It reads ASP.NET Core's own host filtering options (the same list and
/// matching rules) and runs in front of ASP.NET's filter, which would answer with an HTML page;
/// that filter stays as a second line.
/// </summary>
public sealed class AllowedHostsCheck(IOptionsMonitor<HostFilteringOptions> options) : IStartupFilter
{
    // Converted once per options value: this runs on every request.
    private (IList<string> Source, List<StringSegment> Patterns)? _patterns;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var allowed = options.CurrentValue.AllowedHosts;
            if (allowed.Count == 0 || allowed.Contains("*") || Matches(context.Request.Host, allowed))
            {
                await nextMiddleware(context);
                return;
            }

            await ApiError.WriteAsync(context, StatusCodes.Status400BadRequest, "HostNotAllowed", "The Host header names no site this server answers for (AllowedHosts).");
        });
        next(app);
    };

    /// <summary>Registered first, so that it wraps ASP.NET's own host filter.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, AllowedHostsCheck>());

    private bool Matches(HostString host, IList<string> allowed)
    {
        if (_patterns is not { } cached || !ReferenceEquals(cached.Source, allowed))
        {
            cached = (allowed, allowed.Select(a => new StringSegment(a)).ToList());
            _patterns = cached;
        }

        return host.HasValue && HostString.MatchesAny(new StringSegment(host.Value), cached.Patterns);
    }
}
