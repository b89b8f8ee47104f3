using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>The LINE channel's services: options checked at start, the API client, the two workers.</summary>
public static class LineSetup
{
    public static IServiceCollection AddLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LineOptions>().Bind(configuration.GetSection(LineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineOptions>, LineOptionsValidator>();
        services.AddSingleton<LineProtector>();
        services.AddSingleton<LineUserIds>();
        services.AddSingleton<LineConversations>();
        services.AddSingleton<LineSignals>();
        // Request logging off: the URLs are harmless, but nothing about this client belongs in logs.
        // No redirects: the bearer token must not follow a redirect anywhere else.
        services.AddHttpClient<LineApi>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddHostedService<LineEventWorker>();
        services.AddHostedService<LineDelivery>();
        return services;
    }
}
