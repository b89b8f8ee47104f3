using System.Text;
using IntakeBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Notifications;

/// <summary>
/// Posts the outbox's webhook messages in the background, so a slow or failing receiver never
/// holds up a chat turn. A failure is retried with exponential backoff (base delay doubling up to
/// a maximum, with jitter); a message is marked delivered only after a 2xx answer.
/// </summary>
public sealed partial class WebhookDelivery(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<WebhookDelivery> logger) : BackgroundService
{
    public const string HttpClientName = "webhook";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                LogOutboxError(logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await db.WebhookOutbox
            .Where(m => m.DeliveredAt == null && m.NextAttemptMs <= now && m.Attempts < settings.MaxAttempts)
            .OrderBy(m => m.Id).Take(20).ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            int? status = null;
            try
            {
                using var content = new StringContent(message.PayloadJson, Encoding.UTF8, "application/json");
                using var response = await httpClients.CreateClient(HttpClientName).PostAsync(settings.WebhookUrl, content, cancellationToken);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogSendFailed(logger, message.Id, ex.GetType().Name);
            }

            message.Attempts++;
            message.LastStatus = status;
            if (status is >= 200 and < 300)
            {
                message.DeliveredAt = clock.GetUtcNow();
                LogDelivered(logger, message.Id, message.Attempts);
            }
            else
            {
                var delay = Backoff(settings, message.Attempts);
                message.NextAttemptMs = clock.GetUtcNow().Add(delay).ToUnixTimeMilliseconds();
                LogRetry(logger, message.Id, message.Attempts, status ?? 0, (long)delay.TotalMilliseconds);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static TimeSpan Backoff(NotificationOptions settings, int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromMilliseconds(Math.Min(settings.RetryBaseDelay.TotalMilliseconds * factor, settings.MaxRetryDelay.TotalMilliseconds));
        return delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(1, delay.TotalMilliseconds / 10)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook message {Id} delivered after {Attempts} attempt(s)")]
    private static partial void LogDelivered(ILogger logger, long id, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook message {Id}: attempt {Attempts} failed (HTTP {Status}); next try in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, long id, int attempts, int status, long delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook message {Id}: send failed ({Error})")]
    private static partial void LogSendFailed(ILogger logger, long id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook outbox check failed ({Error}); trying again later")]
    private static partial void LogOutboxError(ILogger logger, string error);
}

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<UrgentTicketNotice>();
        services.AddHostedService<WebhookDelivery>();
        services.AddSingleton<DeskReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DeskReminderJob>());
        services.AddHttpClient(WebhookDelivery.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
