using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// <c>GET /dashboard/events</c>: Server-Sent Events for an open queue page. Each <c>desk</c>
/// event says whether the queue changed (a stamp) and how many 緊急 and 高 tickets nobody has
/// claimed; no ticket content, the page fetches its own rows. Same login as every desk page.
/// </summary>
public static class DeskEvents
{
    public const string EventName = "desk";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> StreamAsync(HttpContext context, DeskWatch watch, IOptions<DeskOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        // A stream never ends by itself: without the stop signal, shutting down would wait for
        // every open desk page until the host's shutdown timeout.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = ending.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        // A reverse proxy must pass each event on at once instead of buffering the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var listening = watch.Listen();
        try
        {
            await response.WriteAsync("retry: 5000\n\n", cancellationToken);
            var sent = await watch.ReadAsync(cancellationToken);
            await WriteAsync(response, sent, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = watch.NextAsync();
                if (watch.Current is { } current && current != sent)
                {
                    // Changed between our last event and asking for the next one.
                    sent = current;
                    await WriteAsync(response, sent, cancellationToken);
                    continue;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var keepAlive = Task.Delay(options.Value.KeepAliveInterval, clock, wait.Token);
                var first = await Task.WhenAny(next, keepAlive);
                await wait.CancelAsync();
                if (first == next)
                {
                    sent = await next;
                    await WriteAsync(response, sent, cancellationToken);
                }
                else
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page was closed or the host is stopping; EventSource reconnects by itself.
        }

        return Results.Empty;
    }

    private static async Task WriteAsync(HttpResponse response, DeskState state, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(new { stamp = state.Stamp, urgent = state.Urgent, high = state.High, latestUrgent = state.LatestUrgent, waiting = state.Waiting, latestWaiting = state.LatestWaiting }, Json);
        await response.WriteAsync($"event: {EventName}\ndata: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
