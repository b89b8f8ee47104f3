using IntakeBot.Dialogs.Language;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IntakeBot.Bot.Language;

/// <summary>Registers <see cref="IPiiRedactor"/> and <see cref="ILanguageDetector"/> for the host's features.</summary>
public static class LanguageServicesSetup
{
    /// <summary>
    /// Singletons of <see cref="IPiiRedactor"/> and <see cref="ILanguageDetector"/>: the Azure AI
    /// Language ones (with the local rules as fallback) when <c>Language:Azure:Endpoint</c> and
    /// <c>Language:Azure:Key</c> are both set, otherwise the local ones, and nothing leaves the machine.
    /// </summary>
    public static IServiceCollection AddLanguageServices(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AzureLanguageOptions.Section);
        services.AddOptions<AzureLanguageOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureLanguageOptions>, AzureLanguageOptionsValidator>();

        if (!(section.Get<AzureLanguageOptions>() ?? new AzureLanguageOptions()).IsEnabled)
        {
            services.AddSingleton<IPiiRedactor, LocalPiiRedactor>();
            services.AddSingleton<ILanguageDetector, LocalLanguageDetector>();
            return services;
        }

        services.AddHttpClient<AzureLanguageClient>(client =>
            {
                // Resilience handler timeouts decide; this is only the backstop. Responses are
                // small JSON, so a huge body is a broken or hostile endpoint.
                client.Timeout = TimeSpan.FromSeconds(60);
                client.MaxResponseContentBufferSize = 4 * 1024 * 1024;
            })
            // The client lives in singletons: rotate connections (DNS changes) in the handler
            // instead of through handler expiry, which a captured HttpClient would never see.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("azure-language", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
                var clock = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
                pipeline.TimeProvider = clock; // the host's clock for waits and timeouts, as everywhere else

                // Outermost first: a bound on everything, then retries, then each attempt's timeout.
                pipeline.AddTimeout(settings.TotalTimeout);
                if (settings.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = settings.RetryDelay,
                        ShouldRetryAfterHeader = false, // AzureLanguageRetry reads it, with Azure's millisecond variants
                        ShouldHandle = args => ValueTask.FromResult(AzureLanguageRetry.ShouldRetry(args.Outcome, settings.MaxRetryAfter, clock)),
                        DelayGenerator = args => ValueTask.FromResult(AzureLanguageRetry.RetryAfter(args.Outcome.Result, clock)),
                    });
                }

                pipeline.AddTimeout(settings.Timeout);
            });

        services.AddSingleton<IPiiRedactor, AzurePiiRedactor>();
        services.AddSingleton<ILanguageDetector, AzureLanguageDetector>();
        return services;
    }
}
