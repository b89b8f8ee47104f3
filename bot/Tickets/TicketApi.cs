using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// <c>/api/tickets</c>: the dashboard's operations as JSON, behind the same login (no session →
/// 401 JSON), the same access rule and audit, and antiforgery (<c>X-CSRF-TOKEN</c>) on POSTs.
/// </summary>
public static class TicketApi
{
    public static IServiceCollection AddTicketDesk(this IServiceCollection services)
    {
        services.AddSingleton<TicketProtector>();
        services.AddSingleton<TicketIntake>();
        services.AddSingleton<TicketCaseUpdates>();
        services.AddSingleton<CoordinatorReplies>();
        services.AddSingleton<CaseKeys>();
        services.AddScoped<TicketDesk>();
        return services;
    }

    public static WebApplication MapTicketApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/tickets").RequireAuthorization(StaffSetup.StaffPolicy).AddEndpointFilter(RequestGuard.FilterAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/export.csv", ExportAsync);
        api.MapGet("/{reference}", GetAsync);
        api.MapPost("/{reference}/claim", ClaimAsync);
        api.MapPost("/{reference}/release", ReleaseAsync);
        api.MapPost("/{reference}/status", StatusAsync);
        api.MapPost("/{reference}/notes", NoteAsync);
        api.MapPost("/{reference}/checklist", ChecklistAsync);
        return app;
    }

    private static IResult Error(DeskOutcome outcome, string? message) => outcome switch
    {
        DeskOutcome.NotFound => Results.Json(new { error = new { code = "NotFound", message = "相談票が見つかりません。" } }, statusCode: 404),
        DeskOutcome.Forbidden => Results.Json(new { error = new { code = "Forbidden", message = "この相談票を扱う権限がありません。" } }, statusCode: 403),
        DeskOutcome.Conflict => Results.Json(new { error = new { code = "Conflict", message } }, statusCode: 409),
        _ => Results.Json(new { error = new { code = "BadRequest", message } }, statusCode: 400),
    };

    private static object Summary(TicketRow r) => new
    {
        reference = r.Reference,
        kind = r.Kind,
        kindLabel = TicketLabels.Kind(r.Kind),
        status = r.Status,
        priority = TicketLabels.Priority(r.PriorityRank),
        priorityRank = r.PriorityRank,
        duty = r.Duty,
        dutyLabel = TicketLabels.Duty(r.Duty),
        dueDate = r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        flags = r.Flags.Select(f => f.ToString()),
        flagLabels = r.Flags.Select(TicketLabels.Flag),
        role = TicketLabels.Role(r.Role),
        owner = r.Owner,
        name = r.Name,
        readable = r.Readable,
        createdAt = r.CreatedAt,
    };

    private static async Task<IResult> ListAsync(HttpContext context, TicketDesk desk)
    {
        var (query, error) = TicketQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return Error(DeskOutcome.Invalid, $"{error} の値が不正です。");
        }

        var rows = await desk.ListAsync(StaffPrincipal.From(context.User), query, context.RequestAborted);
        return Results.Json(new { tickets = rows.Select(Summary) });
    }

    private static async Task<IResult> GetAsync(HttpContext context, TicketDesk desk, Handoff.DeskTurns chats, IConfiguration configuration, string reference)
    {
        var result = await desk.GetAsync(StaffPrincipal.From(context.User), reference, "api-read", context.RequestAborted);
        if (result.Value is not { } t)
        {
            return Error(result.Outcome, result.Message);
        }

        // The conversation as it goes on (user, bot, coordinator), beside the transcript filed with the ticket.
        var conversationId = await desk.ConversationIdAsync(t.Row.Id, context.RequestAborted);
        var live = conversationId is null ? null : await chats.ReadAsync(conversationId, context.RequestAborted);
        var messages = live is null ? [] : await chats.MessagesAsync(conversationId!, 0, context.RequestAborted);

        return Results.Json(new
        {
            ticket = Summary(t.Row),
            anonymised = t.Anonymised,
            notice = t.Anonymised ? TicketDetail.AnonymisedNotice : null,
            answers = TicketAnswers.For(t.Record, configuration).Select(a => new { label = a.Label, value = a.Value }),
            record = t.Record,
            reasons = t.Triage.Reasons,
            // Null unless the optional language model wrote one; labelled so no client shows it unmarked.
            machineSummary = t.MachineSummary is { } summary ? new { label = LanguageModel.TicketSummaries.Label, lines = summary.Split('\n') } : null,
            checklist = t.Checklist.Select(i => new { id = i.Id, text = i.Text, done = i.DoneAt is not null, doneBy = i.DoneBy, doneAt = i.DoneAt }),
            transcript = t.Transcript.Select(e => new { from = e.FromUser ? "user" : e.Coordinator is null ? "bot" : "coordinator", name = e.Coordinator, text = e.Text, at = e.At }),
            messages = messages.Select(Handoff.DeskChatEndpoints.Message),
            chat = live is { } c ? new { coordinator = c.State.Coordinator?.Name, waitingSince = c.State.WaitingForPersonSince } : null,
            notes = t.Notes.Select(n => new { id = n.Id, author = n.Author, at = n.At, text = n.Text }),
            contact = t.Anonymised ? null : TicketLabels.Contact(t.Record),
            addenda = t.Additions.Select(a => new { at = a.At, text = a.Text }),
            sameCase = t.SameCase.Select(c => new { reference = c.Reference, kind = c.Kind, priority = TicketLabels.Priority(c.PriorityRank), createdAt = c.CreatedAt }),
            history = t.History.Select(h => new { at = h.At, actor = h.Actor, kind = h.Kind, from = h.FromStatus, to = h.ToStatus, detail = h.Detail }),
            nextStatuses = t.CanChange ? TicketStatuses.From(t.Row.Status) : [],
        }, IntakeStateSerializer.Options);
    }

    private static async Task<IResult> ClaimAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var result = await desk.ClaimAsync(StaffPrincipal.From(context.User), reference, context.RequestAborted);
        return result.Outcome switch
        {
            DeskOutcome.Ok => Results.Json(new { owner = result.Value }),
            DeskOutcome.Conflict => Results.Json(new { error = new { code = "Conflict", message = result.Message }, owner = result.Value }, statusCode: 409),
            DeskOutcome.Forbidden when result.Value is { } owner =>
                Results.Json(new { error = new { code = "Forbidden", message = result.Message }, owner }, statusCode: 403),
            _ => Error(result.Outcome, result.Message),
        };
    }

    private static async Task<IResult> ReleaseAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var result = await desk.ReleaseAsync(StaffPrincipal.From(context.User), reference, context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Results.Json(new { owner = (string?)null }) : Error(result.Outcome, result.Message);
    }

    /// <summary>Strict JSON bodies: camelCase names, numbers as numbers (<c>"id":"5"</c> is refused).</summary>
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };

    private sealed record StatusBody(string? Status);

    private sealed record NoteBody(string? Text);

    private sealed record ChecklistBody(long? Id, bool? Done);

    /// <summary>
    /// The JSON body through <see cref="JsonBody"/> (size cap, UTF-8, Kestrel's read errors), so a
    /// huge or broken body is a 4xx and never read past the cap; null when it is not JSON or not
    /// of the expected shape.
    /// </summary>
    private static async Task<(T? Body, IResult? Error)> BodyAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, null);
        }

        var (body, error) = await JsonBody.ReadAsync<T>(context.Request, BodyOptions);
        // Too large stays a 413; any other problem gets the endpoint's own message.
        return (body, error is IStatusCodeHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge } ? error : null);
    }

    private static async Task<IResult> StatusAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (body, error) = await BodyAsync<StatusBody>(context);
        if (body?.Status is not { } status)
        {
            return error ?? Error(DeskOutcome.Invalid, "status を JSON で指定してください。");
        }

        var result = await desk.ChangeStatusAsync(StaffPrincipal.From(context.User), reference, status, context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Results.Json(new { status = result.Value }) : Error(result.Outcome, result.Message);
    }

    private static async Task<IResult> NoteAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (body, error) = await BodyAsync<NoteBody>(context);
        if (body?.Text is not { } text)
        {
            return error ?? Error(DeskOutcome.Invalid, "text を JSON で指定してください。");
        }

        var result = await desk.AddNoteAsync(StaffPrincipal.From(context.User), reference, text, context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Results.Json(new { id = result.Value }, statusCode: 201) : Error(result.Outcome, result.Message);
    }

    private static async Task<IResult> ChecklistAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (body, error) = await BodyAsync<ChecklistBody>(context);
        if (body is not { Id: { } itemId, Done: { } done })
        {
            return error ?? Error(DeskOutcome.Invalid, "id（数値）と done（真偽値）を JSON で指定してください。");
        }

        var result = await desk.TickAsync(StaffPrincipal.From(context.User), reference, itemId, done, context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Results.Json(new { done = result.Value }) : Error(result.Outcome, result.Message);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, TicketDesk desk)
    {
        var (query, error) = TicketQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return Error(DeskOutcome.Invalid, $"{error} の値が不正です。");
        }

        var tickets = await desk.ExportAsync(StaffPrincipal.From(context.User), query, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        var name = $"tickets-{DateTimeOffset.UtcNow.ToOffset(IntakeConversation.CenterUtcOffset):yyyyMMdd-HHmm}.csv";
        return Results.File(TicketCsv.Write(tickets), "text/csv; charset=utf-8", name);
    }
}
