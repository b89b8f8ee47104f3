using System.Net.Http.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>
/// Posts committed replies from the outbox to the channel's serviceUrl, as the Bot Connector
/// expects (<c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>), retrying
/// with back-off. Progress is stored per activity, so a retry never posts one reply twice.
/// </summary>
public sealed partial class ReplyDelivery(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    ReplyDeliverySignal signal,
    TimeProvider clock,
    IOptions<BotFrameworkOptions> options,
    ConversationProtector protector,
    ServiceUrlPolicy serviceUrls,
    ILogger<ReplyDelivery> logger) : BackgroundService
{
    public const string HttpClientName = "BotConnector";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogLoopError(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutboundDeliveries
            .Where(d => d.NextAttemptAt <= now)
            .OrderBy(d => d.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            await DeliverAsync(db, delivery, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task DeliverAsync(IntakeDbContext db, OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        if (!serviceUrls.MayDeliver(delivery.ServiceUrl))
        {
            LogNotAllowed(logger, delivery.ConversationId, ServiceUrlPolicy.Describe(delivery.ServiceUrl));
            db.OutboundDeliveries.Remove(delivery);
            return;
        }

        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == delivery.ConversationId && a.Sequence >= delivery.FirstSequence && a.Sequence <= delivery.LastSequence)
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken);
        var client = httpClients.CreateClient(HttpClientName);
        foreach (var row in rows)
        {
            var url = $"{delivery.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(delivery.ExternalConversationId)}/activities"
                      + (delivery.ReplyToId is null ? string.Empty : "/" + Uri.EscapeDataString(delivery.ReplyToId));
            try
            {
                using var content = JsonContent.Create(protector.OpenActivity(row.Json), options: ActivityJson.Options);
                using var response = await client.PostAsync(url, content, cancellationToken);
                response.EnsureSuccessStatusCode();
                delivery.FirstSequence = row.Sequence + 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                delivery.Attempts++;
                if (delivery.Attempts >= options.Value.MaxDeliveryAttempts)
                {
                    LogGaveUp(logger, delivery.ConversationId, delivery.Attempts);
                    db.OutboundDeliveries.Remove(delivery);
                }
                else
                {
                    var wait = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, delivery.Attempts)));
                    delivery.NextAttemptAt = clock.GetUtcNow() + wait;
                    LogRetry(logger, delivery.ConversationId, delivery.Attempts, ex.GetType().Name);
                }

                return;
            }
        }

        db.OutboundDeliveries.Remove(delivery);
        LogDelivered(logger, delivery.ConversationId, rows.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Count} replies of conversation {ConversationId} to its serviceUrl")]
    private static partial void LogDelivered(ILogger logger, string conversationId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply delivery for conversation {ConversationId} failed (attempt {Attempt}, {Error}); retrying later")]
    private static partial void LogRetry(ILogger logger, string conversationId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply delivery for conversation {ConversationId} given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string conversationId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replies of conversation {ConversationId} not delivered: their serviceUrl ({ServiceUrl}) is neither a token's nor in Bot:AllowedServiceUrls")]
    private static partial void LogNotAllowed(ILogger logger, string conversationId, string serviceUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply delivery loop error: {Error}")]
    private static partial void LogLoopError(ILogger logger, string error);
}
