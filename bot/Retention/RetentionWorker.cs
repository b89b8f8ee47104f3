using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Retention;

/// <summary>Runs <see cref="RetentionJob"/> shortly after start and then every <see cref="RetentionOptions.Interval"/>.</summary>
public sealed partial class RetentionWorker(RetentionJob job, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        var delay = settings.FirstRunDelay;
        while (true)
        {
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = settings.Interval;
            try
            {
                await job.RunAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next run takes up where this one stopped (every step is conditional).
                LogFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention is disabled (Retention:Enabled=false): nothing is purged or anonymised")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({Error}); trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, string error);
}

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
