using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tickets;
using IntakeBot.Bot.Turns;

namespace IntakeBot.Bot.Handoff;

/// <summary>
/// The live chat at the desk: <c>/api/tickets/{reference}/messages|join|handback|typing</c>
/// (the ticket API's login, antiforgery and access rule) and the panel's live transcript,
/// <c>GET /dashboard/tickets/{reference}/chat/events</c> (server-sent events; every opening is
/// an audited read, and access is checked again while it runs).
/// </summary>
public static class DeskChatEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan AccessRecheck = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxStream = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };
    private static readonly JsonSerializerOptions EventOptions = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddDeskChat(this IServiceCollection services)
    {
        services.AddSingleton<TypingIndicators>();
        services.AddSingleton<PeopleWaiting>();
        services.AddSingleton<DeskTurns>();
        services.AddScoped<DeskChat>();
        services.AddSingleton<HandoffWaits>();
        services.AddHostedService(sp => sp.GetRequiredService<HandoffWaits>());
        return services;
    }

    public static WebApplication MapDeskChatEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/tickets/{reference}").RequireAuthorization(StaffSetup.StaffPolicy).AddEndpointFilter(RequestGuard.FilterAsync);
        api.MapPost("/messages", SendAsync);
        api.MapPost("/join", JoinAsync);
        api.MapPost("/handback", HandbackAsync);
        api.MapPost("/typing", TypingAsync);
        api.MapGet("/chat", ReadAsync);

        var pages = app.MapGroup("/dashboard/tickets/{reference}/chat").RequireAuthorization(StaffSetup.StaffPolicy).AddEndpointFilter(RequestGuard.FilterAsync);
        pages.MapGet("/events", EventsAsync);
        return app;
    }

    private sealed record MessageBody(string? Text);

    private static IResult Error(DeskOutcome outcome, string? message) => outcome switch
    {
        DeskOutcome.NotFound => ApiError.Result(StatusCodes.Status404NotFound, "NotFound", "相談票が見つかりません。"),
        DeskOutcome.Forbidden => ApiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "この相談票を扱う権限がありません。"),
        DeskOutcome.Conflict => ApiError.Result(StatusCodes.Status409Conflict, "Conflict", message ?? "ほかの人が先に変更しました。"),
        _ => ApiError.Result(StatusCodes.Status400BadRequest, "BadRequest", message ?? "入力が正しくありません。"),
    };

    private static object Json(DeskChatView view) => new
    {
        reference = view.Reference,
        available = view.Available,
        coordinator = view.Coordinator,
        joinedByMe = view.JoinedByMe,
        canWrite = view.CanWrite,
        waitingSince = view.WaitingSince,
        userTyping = view.UserTyping,
        messages = view.Messages.Select(Message),
    };

    public static object Message(ChatMessage m) => new { sequence = m.Sequence, from = m.From, name = m.Name, text = m.Text, at = m.At };

    private static async Task<IResult> SendAsync(HttpContext context, DeskChat chat, string reference)
    {
        MessageBody? body = null;
        if (context.Request.HasJsonContentType())
        {
            var (read, error) = await JsonBody.ReadAsync<MessageBody>(context.Request, BodyOptions);
            if (error is IStatusCodeHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return error;
            }

            body = read;
        }

        if (body?.Text is not { } text)
        {
            return Error(DeskOutcome.Invalid, "text を JSON で指定してください。");
        }

        var result = await chat.SendAsync(StaffPrincipal.From(context.User), reference, text, context.RequestAborted);
        return result.Value is { } view ? Results.Json(Json(view), statusCode: StatusCodes.Status201Created) : Error(result.Outcome, result.Message);
    }

    private static async Task<IResult> JoinAsync(HttpContext context, DeskChat chat, string reference)
    {
        var result = await chat.JoinAsync(StaffPrincipal.From(context.User), reference, context.RequestAborted);
        return result.Value is { } view ? Results.Json(Json(view)) : Error(result.Outcome, result.Message);
    }

    private static async Task<IResult> HandbackAsync(HttpContext context, DeskChat chat, string reference)
    {
        var result = await chat.HandbackAsync(StaffPrincipal.From(context.User), reference, context.RequestAborted);
        return result.Value is { } view ? Results.Json(Json(view)) : Error(result.Outcome, result.Message);
    }

    private static async Task<IResult> TypingAsync(HttpContext context, DeskChat chat, string reference)
    {
        var outcome = await chat.TypingAsync(StaffPrincipal.From(context.User), reference, context.RequestAborted);
        return outcome == DeskOutcome.Ok ? Results.NoContent() : Error(outcome, "チャットに入ってから入力してください。");
    }

    private static async Task<IResult> ReadAsync(HttpContext context, DeskChat chat, string reference, long? after)
    {
        var result = await chat.ReadAsync(StaffPrincipal.From(context.User), reference, after ?? 0, audited: true, context.RequestAborted);
        return result.Value is { } view ? Results.Json(Json(view)) : Error(result.Outcome, result.Message);
    }

    /// <summary>
    /// The live transcript: an event per new message (<c>id</c> = its sequence, so a reconnect
    /// with Last-Event-ID continues), and a <c>state</c> event whenever who is in the chat, the
    /// wait or the person's typing changes. Woken by the conversation's commits; the typing and
    /// other instances' turns are caught by a one-second re-read.
    /// </summary>
    private static async Task EventsAsync(HttpContext context, DeskChat chat, Turns.ConversationSignals signals, TimeProvider clock, string reference)
    {
        var user = StaffPrincipal.From(context.User);
        var after = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var last) && last > 0 ? last : 0;
        var first = await chat.ReadAsync(user, reference, after, audited: true, context.RequestAborted);
        if (first.Value is not { } view)
        {
            await Error(first.Outcome, first.Message).ExecuteAsync(context);
            return;
        }

        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

        var conversationId = await ConversationIdAsync(context, reference);
        using var watch = conversationId is null ? null : signals.Watch(conversationId);
        var started = clock.GetUtcNow();
        var checkedAt = started;
        var sentAt = started;
        string? lastState = null;
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                foreach (var message in view.Messages)
                {
                    await WriteAsync(context, "message", message.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Message(message));
                    after = message.Sequence;
                }

                var state = JsonSerializer.Serialize(new
                {
                    available = view.Available,
                    coordinator = view.Coordinator,
                    joinedByMe = view.JoinedByMe,
                    canWrite = view.CanWrite,
                    waitingSince = view.WaitingSince,
                    userTyping = view.UserTyping,
                }, EventOptions);
                var now = clock.GetUtcNow();
                if (state != lastState || view.Messages.Count > 0 || now - sentAt >= Heartbeat)
                {
                    await WriteRawAsync(context, "state", null, state);
                    lastState = state;
                    sentAt = now;
                }

                if (now - started >= MaxStream)
                {
                    // EventSource reconnects with Last-Event-ID; access and audit are done anew.
                    return;
                }

                var wake = conversationId is null ? Task.CompletedTask : signals.NextAsync(conversationId);
                await Task.WhenAny(wake, Task.Delay(TimeSpan.FromSeconds(1), clock, context.RequestAborted));
                if (now - checkedAt >= AccessRecheck)
                {
                    checkedAt = now;
                    if (!await chat.MayReadAsync(context.User, user, reference, context.RequestAborted))
                    {
                        return;
                    }
                }

                var next = await chat.ReadAsync(user, reference, after, audited: false, context.RequestAborted);
                if (next.Value is not { } fresh)
                {
                    return;
                }

                view = fresh;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private static async Task<string?> ConversationIdAsync(HttpContext context, string reference)
    {
        var db = context.RequestServices.GetRequiredService<Storage.IntakeDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Tickets.Where(t => t.ReferenceNumber == reference).Select(t => t.ConversationId), context.RequestAborted);
    }

    private static Task WriteAsync(HttpContext context, string kind, string? id, object data) =>
        WriteRawAsync(context, kind, id, JsonSerializer.Serialize(data, EventOptions));

    private static async Task WriteRawAsync(HttpContext context, string kind, string? id, string json)
    {
        // JSON has no raw newlines, so one data line per event.
        var text = (id is null ? string.Empty : $"id: {id}\n") + $"event: {kind}\ndata: {json}\n\n";
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
