using System.Globalization;
using IntakeBot.Bot.Handoff;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tickets;

namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// The coordinators' pages in Japanese: the queue, a ticket, its printable 相談受付票 and
/// statistics, each a Razor component rendered on the server (which encodes every value). Forms
/// post back here with antiforgery and are answered with a redirect to the page.
/// </summary>
public static class DashboardPages
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var pages = app.MapGroup("/dashboard").RequireAuthorization(StaffSetup.StaffPolicy).AddEndpointFilter(RequestGuard.FilterAsync);
        pages.MapGet("/", QueueAsync);
        pages.MapGet("/live", LiveAsync);
        pages.MapGet("/events", DeskEvents.StreamAsync);
        pages.MapGet("/tickets/{reference}", DetailAsync);
        pages.MapGet("/tickets/{reference}/print", PrintAsync);
        pages.MapPost("/tickets/{reference}/claim", ClaimAsync);
        pages.MapPost("/tickets/{reference}/release", ReleaseAsync);
        pages.MapPost("/tickets/{reference}/status", StatusAsync);
        pages.MapPost("/tickets/{reference}/notes", NoteAsync);
        pages.MapPost("/tickets/{reference}/checklist", ChecklistAsync);
        pages.MapGet("/stats", StatsAsync);

        return app.MapAdminPages();
    }

    private static IResult DeskError(HttpContext context, DeskOutcome outcome, string? message) => outcome switch
    {
        DeskOutcome.NotFound => DeskPage.Message(context, 404, "見つかりません", "相談票が見つかりません。"),
        DeskOutcome.Forbidden => DeskPage.Message(context, 403, "権限がありません", message ?? "この相談票を扱う権限がありません。"),
        DeskOutcome.Conflict => DeskPage.Message(context, 409, "変更できませんでした", message ?? "ほかの人が先に変更しました。"),
        _ => DeskPage.Message(context, 400, "入力を確認してください", message ?? "入力が正しくありません。"),
    };

    private static async Task<IResult> QueueAsync(HttpContext context, TicketDesk desk, DeskWatch watch, DeskTurns turns, TimeProvider clock) =>
        await RenderQueueAsync(context, desk, watch, turns, clock, live: false);

    /// <summary>The queue's live part alone (same filters), which desk.js puts in place of the old one.</summary>
    private static async Task<IResult> LiveAsync(HttpContext context, TicketDesk desk, DeskWatch watch, DeskTurns turns, TimeProvider clock) =>
        await RenderQueueAsync(context, desk, watch, turns, clock, live: true);

    private static async Task<IResult> RenderQueueAsync(HttpContext context, TicketDesk desk, DeskWatch watch, DeskTurns turns, TimeProvider clock, bool live)
    {
        var (query, error) = TicketQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return DeskPage.Message(context, 400, "条件が正しくありません", $"絞り込み条件（{error}）の値が正しくありません。");
        }

        var user = StaffPrincipal.From(context.User);
        var today = DeskTime.Today(clock);
        IReadOnlyList<TicketRow> rows = await desk.ListAsync(user, query, context.RequestAborted);
        IReadOnlyList<TicketRow> reminders = await desk.RemindersAsync(user, today, context.RequestAborted);
        var state = await watch.ReadAsync(context.RequestAborted);
        IReadOnlyList<WaitingPerson> waiting = await turns.WaitingAsync(context.RequestAborted);
        return live
            ? DeskPage.Render<QueueLive>(context, new { Rows = rows, Today = today, State = state, Reminders = reminders, Waiting = waiting })
            : DeskPage.Render<QueuePage>(context, new { Query = query, Rows = rows, Today = today, State = state, Reminders = reminders, Waiting = waiting });
    }

    private static async Task<IResult> DetailAsync(HttpContext context, TicketDesk desk, IConfiguration configuration, TimeProvider clock, string reference)
    {
        var result = await desk.GetAsync(StaffPrincipal.From(context.User), reference, "read", context.RequestAborted);
        return result.Value is not { } t
            ? DeskError(context, result.Outcome, result.Message)
            : DeskPage.Render<TicketPage>(context, new { Ticket = t, Answers = Answers(t, configuration), Today = DeskTime.Today(clock) });
    }

    private static async Task<IResult> PrintAsync(HttpContext context, TicketDesk desk, Handoff.DeskTurns chats, IConfiguration configuration, string reference)
    {
        var result = await desk.GetAsync(StaffPrincipal.From(context.User), reference, "print", context.RequestAborted);
        if (result.Value is not { } t)
        {
            return DeskError(context, result.Outcome, result.Message);
        }

        // The conversation as stored, coordinators' messages with their names.
        var conversationId = t.Anonymised ? null : await desk.ConversationIdAsync(t.Row.Id, context.RequestAborted);
        IReadOnlyList<Handoff.ChatMessage> messages = conversationId is null ? [] : await chats.MessagesAsync(conversationId, 0, context.RequestAborted);
        return DeskPage.Render<PrintPage>(context, new { Ticket = t, Answers = Answers(t, configuration), CenterName = Center.CenterOptions.Read(configuration).Name, Messages = messages });
    }

    private static IReadOnlyList<(string Label, string? Value)> Answers(TicketDetail t, IConfiguration configuration) =>
        t.Anonymised ? [] : TicketAnswers.For(t.Record, configuration);

    private static async Task<(StaffPrincipal User, IFormCollection Form, IResult? Error)> FormAsync(HttpContext context)
    {
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        return (StaffPrincipal.From(context.User), form ?? FormCollection.Empty, error);
    }

    private static IResult Back(string reference) => Results.Redirect(DeskPage.TicketUrl(reference));

    private static async Task<IResult> ClaimAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (user, _, error) = await FormAsync(context);
        if (error is not null)
        {
            return error;
        }

        var result = await desk.ClaimAsync(user, reference, context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Back(reference) : DeskError(context, result.Outcome, result.Message);
    }

    private static async Task<IResult> ReleaseAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (user, _, error) = await FormAsync(context);
        if (error is not null)
        {
            return error;
        }

        var result = await desk.ReleaseAsync(user, reference, context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Results.Redirect("/dashboard") : DeskError(context, result.Outcome, result.Message);
    }

    private static async Task<IResult> StatusAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (user, form, error) = await FormAsync(context);
        if (error is not null)
        {
            return error;
        }

        var result = await desk.ChangeStatusAsync(user, reference, form["status"].ToString(), context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Back(reference) : DeskError(context, result.Outcome, result.Message);
    }

    private static async Task<IResult> NoteAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (user, form, error) = await FormAsync(context);
        if (error is not null)
        {
            return error;
        }

        var result = await desk.AddNoteAsync(user, reference, form["text"].ToString(), context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Back(reference) : DeskError(context, result.Outcome, result.Message);
    }

    private static async Task<IResult> ChecklistAsync(HttpContext context, TicketDesk desk, string reference)
    {
        var (user, form, error) = await FormAsync(context);
        if (error is not null)
        {
            return error;
        }

        if (!long.TryParse(form["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || form["done"].ToString() is not ("true" or "false"))
        {
            return DeskError(context, DeskOutcome.Invalid, null);
        }

        var result = await desk.TickAsync(user, reference, id, form["done"].ToString() == "true", context.RequestAborted);
        return result.Outcome == DeskOutcome.Ok ? Back(reference) : DeskError(context, result.Outcome, result.Message);
    }

    private static async Task<IResult> StatsAsync(HttpContext context, TicketDesk desk)
    {
        var rows = await desk.StatsRowsAsync(context.RequestAborted);
        var tickets = await desk.TicketCountAsync(context.RequestAborted);
        IReadOnlyList<(string, int)> byDuty = [.. TicketLabels.Duties.Select(d => (TicketLabels.Duty((int)d), rows.Count(r => r.Duty == (int)d)))];
        IReadOnlyList<(string, int)> byRole = [.. TicketLabels.Roles.Select(role => (TicketLabels.Role(role), rows.Count(r => (r.Role ?? "Unknown") == role)))];
        IReadOnlyList<(string, int)> byMonth = [.. rows.GroupBy(r => r.CreatedAt.ToOffset(IntakeBot.Dialogs.Conversation.IntakeConversation.CenterUtcOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))];
        IReadOnlyList<(string, IReadOnlyList<(string, int)>)> charts = [("業務区分別", byDuty), ("相談者の立場別", byRole), ("月別", byMonth)];
        return DeskPage.Render<StatsPage>(context, new { Cases = rows.Count, Tickets = tickets, Charts = charts });
    }
}
