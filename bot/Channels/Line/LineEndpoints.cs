using System.Text.Json;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// <c>POST /api/line/webhook</c>, the Messaging API webhook. The signature is checked on the raw
/// bytes before anything is parsed; the events are stored (sealed, once per webhookEventId) and
/// LINE gets its 200 at once: the turns run from that queue (<see cref="LineEventWorker"/>),
/// because LINE times out slow webhooks and redelivers.
/// </summary>
public static partial class LineEndpoints
{
    public const string WebhookPath = "/api/line/webhook";

    public static IEndpointRouteBuilder MapLineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptions<LineOptions> options,
        IntakeDbContext db,
        LineProtector protector,
        LineUserIds userIds,
        LineSignals signals,
        TimeProvider clock,
        ILogger<LineOptions> logger)
    {
        var line = options.Value;
        if (!line.Enabled)
        {
            return Results.NotFound();
        }

        var (body, tooLarge) = await ReadAsync(context, line.MaxBodyBytes);
        if (tooLarge)
        {
            return ApiError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", "The body is too large.");
        }

        if (body is null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadRequest", "The request could not be read.");
        }

        if (!LineSignature.IsValid(line.ChannelSecret, body, context.Request.Headers[LineSignature.Header]))
        {
            LogBadSignature(logger);
            return ApiError.Result(StatusCodes.Status401Unauthorized, "BadSignature", "The x-line-signature does not match the body.");
        }

        JsonElement events;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The body has no events array.");
            }

            events = list.Clone();
        }
        catch (JsonException)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "BadJson", "The body is not JSON.");
        }

        var now = clock.GetUtcNow();
        var rows = new List<LineInboundEvent>();
        foreach (var raw in events.EnumerateArray())
        {
            if (LineEvent.TryParse(raw) is not { } e)
            {
                continue;
            }

            // A body replayed long after (its signature still valid) or from a wrong clock runs nothing.
            if (e.Timestamp < now - line.MaxEventAge || e.Timestamp > now + TimeSpan.FromMinutes(5))
            {
                LogStale(logger, e.Type);
                continue;
            }

            if (rows.Exists(r => r.WebhookEventId == e.WebhookEventId))
            {
                continue;
            }

            rows.Add(new LineInboundEvent
            {
                WebhookEventId = e.WebhookEventId,
                UserHash = userIds.Hash(e.UserId),
                Type = e.Type,
                SealedBody = protector.Protect(raw.GetRawText()),
                SealedReplyToken = e.ReplyToken is { Length: > 0 and <= 256 } token ? protector.Protect(token) : null,
                ReceivedAt = now,
            });
        }

        if (rows.Count > 0)
        {
            await StoreAsync(db, rows, context.RequestAborted);
            signals.EventsArrived();
        }

        return Results.Ok();
    }

    /// <summary>Inserts the events not stored yet; a redelivery (or a replay) of a stored one adds nothing.</summary>
    private static async Task StoreAsync(IntakeDbContext db, List<LineInboundEvent> rows, CancellationToken cancellationToken)
    {
        var set = db.Set<LineInboundEvent>();
        var ids = rows.Select(r => r.WebhookEventId).ToList();
        var known = await set.Where(r => ids.Contains(r.WebhookEventId)).Select(r => r.WebhookEventId).ToListAsync(cancellationToken);
        var fresh = rows.Where(r => !known.Contains(r.WebhookEventId)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        set.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ExpectedConflictLoggerFactory.IsExpectedConflict(ex))
        {
            // A redelivery raced this request: one by one, each stored once.
            db.ChangeTracker.Clear();
            foreach (var row in fresh)
            {
                set.Add(row);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException again) when (ExpectedConflictLoggerFactory.IsExpectedConflict(again))
                {
                    // Stored by the other request.
                }

                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The raw bytes (the signature is over them exactly), or too large.</summary>
    private static async Task<(byte[]? Body, bool TooLarge)> ReadAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return (null, true);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return (null, true);
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge);
        }

        return (buffer.ToArray(), false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE webhook refused: the x-line-signature is missing or does not match")]
    private static partial void LogBadSignature(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE webhook: a {Type} event outside the accepted time window was ignored")]
    private static partial void LogStale(ILogger logger, string type);
}
