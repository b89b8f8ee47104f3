using System.Globalization;
using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Triage;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// The coordinators' pages, server-rendered in Japanese: the queue, a ticket, its printable
/// 相談受付票, statistics, and the admin page. Forms post back here with antiforgery; every
/// user-supplied string is encoded by <see cref="Html"/>.
/// </summary>
public static class DashboardPages
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var pages = app.MapGroup("/dashboard").RequireAuthorization(StaffSetup.StaffPolicy).AddEndpointFilter(RequestGuard.FilterAsync);
        pages.MapGet("/", QueueAsync);
        pages.MapGet("/tickets/{reference}", DetailAsync);
        pages.MapGet("/tickets/{reference}/print", PrintAsync);
        pages.MapPost("/tickets/{reference}/claim", ClaimAsync);
        pages.MapPost("/tickets/{reference}/release", ReleaseAsync);
        pages.MapPost("/tickets/{reference}/status", StatusAsync);
        pages.MapPost("/tickets/{reference}/notes", NoteAsync);
        pages.MapPost("/tickets/{reference}/checklist", ChecklistAsync);
        pages.MapGet("/stats", StatsAsync);

        var admin = app.MapGroup("/dashboard/admin").RequireAuthorization(StaffSetup.AdminPolicy).AddEndpointFilter(RequestGuard.FilterAsync);
        admin.MapGet("/", AdminAsync);
        admin.MapPost("/users/{name}/disable", DisableAsync);
        return app;
    }

    private static DateOnly Today => IntakeConversation.CenterDate(DateTimeOffset.UtcNow);

    private static string Local(DateTimeOffset at) =>
        at.ToOffset(IntakeConversation.CenterUtcOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string TicketUrl(string reference) => "/dashboard/tickets/" + Uri.EscapeDataString(reference);

    private static IResult DeskError(HttpContext context, DeskOutcome outcome, string? message) => outcome switch
    {
        DeskOutcome.NotFound => Page.Message(context, 404, "見つかりません", "相談票が見つかりません。"),
        DeskOutcome.Forbidden => Page.Message(context, 403, "権限がありません", message ?? "この相談票を扱う権限がありません。"),
        DeskOutcome.Conflict => Page.Message(context, 409, "変更できませんでした", message ?? "ほかの人が先に変更しました。"),
        _ => Page.Message(context, 400, "入力を確認してください", message ?? "入力が正しくありません。"),
    };

    private static async Task<IResult> QueueAsync(HttpContext context, TicketDesk desk)
    {
        var (query, error) = TicketQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return Page.Message(context, 400, "条件が正しくありません", $"絞り込み条件（{error}）の値が正しくありません。");
        }

        var user = StaffPrincipal.From(context.User);
        var rows = await desk.ListAsync(user, query, context.RequestAborted);
        var today = Today;
        return Page.Render(context, "相談票キュー", h =>
        {
            h.El("h1", "相談票キュー");
            h.Raw("<form method=\"get\" action=\"/dashboard\" class=\"filters\">");
            Select(h, "status", "状態", query.Status, TicketStatuses.All.Select(s => (s, s)));
            Select(h, "duty", "業務区分", query.Duty?.ToString(CultureInfo.InvariantCulture), TicketLabels.Duties.Select(d => (((int)d).ToString(CultureInfo.InvariantCulture), TicketLabels.Duty((int)d))));
            Select(h, "flag", "フラグ", query.Flag?.ToString(), Enum.GetValues<TriageFlag>().Select(f => (f.ToString(), TicketLabels.Flag(f))));
            Select(h, "owner", "担当", query.Owner is TicketQuery.OwnerMe or TicketQuery.OwnerNone ? query.Owner : null, [(TicketQuery.OwnerMe, "自分"), (TicketQuery.OwnerNone, "未担当")]);
            Select(h, "sort", "並び順", query.Sort, [(TicketQuery.SortPriority, "優先度→期限"), (TicketQuery.SortDue, "期限"), (TicketQuery.SortCreated, "新しい順")], withAny: false);
            h.Raw("<label>検索 <input name=\"q\" maxlength=\"100\"").Attr("value", query.Text).Raw(" placeholder=\"受付番号・氏名\"></label>");
            h.Raw("<button type=\"submit\">絞り込む</button> <a href=\"/dashboard\">解除</a> <a href=\"/api/tickets/export.csv\">CSV出力</a></form>");
            h.Raw("<table class=\"queue\"><thead><tr><th>優先度</th><th>期限</th><th>受付番号</th><th>種別</th><th>業務区分</th><th>状態</th><th>フラグ</th><th>相談者</th><th>担当</th><th></th></tr></thead><tbody>");
            foreach (var r in rows)
            {
                h.Raw("<tr").Attr("class", TicketLabels.PriorityCss(r.PriorityRank)).Raw(">");
                h.Raw("<td class=\"prio\">").Text(TicketLabels.Priority(r.PriorityRank)).Raw("</td>");
                h.Raw("<td>").Text(r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("<br><span class=\"due\">").Text(TicketLabels.DueIn(r.DueDate, today)).Raw("</span></td>");
                if (r.Readable)
                {
                    h.Raw("<td><a").Attr("href", TicketUrl(r.Reference)).Raw(">").Text(r.Reference).Raw("</a></td>");
                }
                else
                {
                    h.El("td", r.Reference);
                }

                h.Raw("<td>").Text(TicketLabels.Kind(r.Kind));
                if (r.CaseTickets > 1)
                {
                    h.Raw(" <span class=\"case-marker\"").Attr("title", "同じ相談（1つの会話）の相談票がほかにもあります").Raw(">").Text($"同じ相談 {r.CaseTickets}件").Raw("</span>");
                }

                if (r.AddendumAt is not null)
                {
                    h.Raw(" <span class=\"addendum-marker\">追記あり</span>");
                }

                h.Raw("</td>");
                h.El("td", TicketLabels.Duty(r.Duty)).El("td", r.Status)
                    .El("td", string.Join("・", r.Flags.Select(TicketLabels.Flag)))
                    .El("td", r.Readable ? $"{r.Name ?? "（氏名なし）"}（{TicketLabels.Role(r.Role)}）" : "—")
                    .El("td", r.Owner ?? "未担当");
                h.Raw("<td>");
                if (r.Owner is null)
                {
                    h.Raw("<form method=\"post\"").Attr("action", TicketUrl(r.Reference) + "/claim").Raw(" class=\"inline\">");
                    Page.Csrf(h, context);
                    h.Raw("<button type=\"submit\">担当する</button></form>");
                }

                h.Raw("</td></tr>");
            }

            h.Raw("</tbody></table>");
            if (rows.Count == 0)
            {
                h.El("p", "該当する相談票はありません。");
            }
        });
    }

    private static void Select(Html h, string name, string label, string? selected, IEnumerable<(string Value, string Label)> options, bool withAny = true)
    {
        h.Raw("<label>").Text(label).Raw(" <select").Attr("name", name).Raw(">");
        if (withAny)
        {
            h.Raw("<option value=\"\">すべて</option>");
        }

        foreach (var (value, text) in options)
        {
            h.Raw("<option").Attr("value", value).Raw(value == selected ? " selected>" : ">").Text(text).Raw("</option>");
        }

        h.Raw("</select></label> ");
    }

    private static async Task<IResult> DetailAsync(HttpContext context, TicketDesk desk, IConfiguration configuration, string reference)
    {
        var result = await desk.GetAsync(StaffPrincipal.From(context.User), reference, "read", context.RequestAborted);
        if (result.Value is not { } t)
        {
            return DeskError(context, result.Outcome, result.Message);
        }

        var r = t.Row;
        var today = Today;
        return Page.Render(context, r.Reference, h =>
        {
            h.Raw("<h1>").Text(r.Reference).Raw(" <span").Attr("class", "badge " + TicketLabels.PriorityCss(r.PriorityRank)).Raw(">").Text(TicketLabels.Priority(r.PriorityRank)).Raw("</span></h1>");
            h.Raw("<p><a").Attr("href", TicketUrl(r.Reference) + "/print").Raw(">相談受付票（印刷用）</a></p>");
            h.Raw("<dl class=\"summary\">");
            Pair(h, "種別", TicketLabels.Kind(r.Kind));
            Pair(h, "窓口", r.Channel);
            Pair(h, "状態", r.Status);
            Pair(h, "業務区分", TicketLabels.Duty(r.Duty));
            Pair(h, "期限", $"{r.DueDate:yyyy-MM-dd}（{TicketLabels.DueIn(r.DueDate, today)}）");
            Pair(h, "フラグ", r.Flags.Count == 0 ? "なし" : string.Join("・", r.Flags.Select(TicketLabels.Flag)));
            Pair(h, "担当", r.Owner ?? "未担当");
            Pair(h, "受付日時", Local(r.CreatedAt));
            Pair(h, "連絡先", t.Anonymised ? TicketDetail.AnonymisedNotice : TicketLabels.Contact(t.Record));
            if (r.AddendumAt is { } added)
            {
                Pair(h, "追記あり", $"最新 {Local(added)}");
            }

            h.Raw("</dl>");
            SameCase(h, t);
            if (t.Anonymised)
            {
                h.El("p", TicketDetail.AnonymisedNotice + "。件数と区分は統計のために残しています。", "notice");
            }

            h.Raw("<section class=\"actions\">");
            if (r.Owner is null)
            {
                Form(h, context, TicketUrl(r.Reference) + "/claim", "担当する");
            }
            else if (t.CanChange)
            {
                Form(h, context, TicketUrl(r.Reference) + "/release", "担当を外す");
                var next = TicketStatuses.From(r.Status);
                if (next.Count > 0)
                {
                    h.Raw("<form method=\"post\"").Attr("action", TicketUrl(r.Reference) + "/status").Raw(" class=\"inline\">");
                    Page.Csrf(h, context);
                    h.Raw("<label>状態を変更 <select name=\"status\">");
                    foreach (var s in next)
                    {
                        h.Raw("<option").Attr("value", s).Raw(">").Text(s).Raw("</option>");
                    }

                    h.Raw("</select></label> <button type=\"submit\">変更</button></form>");
                }
            }

            h.Raw("</section>");

            if (t.MachineSummary is { } summary)
            {
                // Plain text, HTML-encoded line by line like every other value; the triage above
                // and below is the rules', whatever the summary says.
                h.Raw("<section class=\"machine-summary\">").El("h2", LanguageModel.TicketSummaries.Label);
                h.El("p", "言語モデルが会話の記録から作った要約です。誤りがありえます。判定（業務区分・優先度）はルールによるもので、要約は使っていません。", "note");
                h.Raw("<ul>");
                foreach (var line in summary.Split('\n'))
                {
                    h.El("li", line);
                }

                h.Raw("</ul></section>");
            }

            h.El("h2", "判定の理由");
            h.Raw("<ul class=\"reasons\">");
            foreach (var reason in t.Triage.Reasons)
            {
                h.El("li", reason);
            }

            h.Raw("</ul>");

            h.El("h2", "次にすること");
            h.Raw("<ul class=\"checklist\">");
            foreach (var item in t.Checklist)
            {
                h.Raw("<li>");
                if (t.CanChange)
                {
                    h.Raw("<form method=\"post\"").Attr("action", TicketUrl(r.Reference) + "/checklist").Raw(" class=\"inline\">");
                    Page.Csrf(h, context);
                    h.Hidden("id", item.Id.ToString(CultureInfo.InvariantCulture)).Hidden("done", item.DoneAt is null ? "true" : "false");
                    h.Raw("<button type=\"submit\">").Text(item.DoneAt is null ? "☐" : "☑").Raw("</button></form> ");
                }
                else
                {
                    h.Text(item.DoneAt is null ? "☐ " : "☑ ");
                }

                h.Text(item.Text);
                if (item.DoneAt is { } at)
                {
                    h.Raw(" <span class=\"tick\">（").Text($"{item.DoneBy} {Local(at)}").Raw("）</span>");
                }

                h.Raw("</li>");
            }

            h.Raw("</ul>");

            Answers(h, t, configuration);
            Addenda(h, t);

            h.El("h2", "メモ");
            h.Raw("<ul class=\"notes\">");
            foreach (var note in t.Notes)
            {
                h.Raw("<li><span class=\"meta\">").Text($"{Local(note.At)} {note.Author}").Raw("</span><div class=\"text\">").Text(note.Text).Raw("</div></li>");
            }

            h.Raw("</ul>");
            if (t.CanChange && !t.Anonymised)
            {
                h.Raw("<form method=\"post\"").Attr("action", TicketUrl(r.Reference) + "/notes").Raw(">");
                Page.Csrf(h, context);
                h.Raw("<label>メモを追加<br><textarea name=\"text\" rows=\"3\" cols=\"60\" maxlength=\"4000\" required></textarea></label><br><button type=\"submit\">メモを保存</button></form>");
            }

            h.El("h2", "履歴");
            h.Raw("<ul class=\"history\">");
            foreach (var e in t.History)
            {
                var what = e.Kind switch
                {
                    "claim" => "担当になりました",
                    "release" => $"担当を外しました（{e.Detail}）",
                    "status" => $"状態: {e.FromStatus} → {e.ToStatus}",
                    "tick" => $"完了: {e.Detail}",
                    "untick" => $"未完了に戻しました: {e.Detail}",
                    LanguageModel.TicketSummaries.EventKind => $"{e.Detail}を追加しました",
                    Retention.RetentionJob.AnonymisedEvent => TicketDetail.AnonymisedNotice,
                    _ => e.Kind,
                };
                h.El("li", $"{Local(e.At)} {e.Actor} {what}");
            }

            h.Raw("</ul>");

            h.El("h2", "会話の記録");
            if (t.Anonymised)
            {
                h.El("p", TicketDetail.AnonymisedNotice + "。");
            }

            Transcript(h, t);
        });
    }

    private static void Pair(Html h, string label, string? value) => h.El("dt", label).El("dd", value);

    /// <summary>The case's other tickets (crisis, handoff, intake of the same conversation's intake), linked.</summary>
    private static void SameCase(Html h, TicketDetail t)
    {
        if (t.SameCase.Count == 0)
        {
            return;
        }

        h.Raw("<section class=\"same-case\">").El("h2", "同じ相談の相談票");
        h.El("p", "同じ会話の相談です。統計では1件として数えます。", "note");
        h.Raw("<ul>");
        foreach (var other in t.SameCase)
        {
            h.Raw("<li><a").Attr("href", TicketUrl(other.Reference)).Raw(">").Text(other.Reference).Raw("</a> ")
                .Text($"{TicketLabels.Kind(other.Kind)}・{TicketLabels.Priority(other.PriorityRank)}・{Local(other.CreatedAt)}").Raw("</li>");
        }

        h.Raw("</ul></section>");
    }

    private static void Addenda(Html h, TicketDetail t)
    {
        if (t.Additions.Count == 0)
        {
            return;
        }

        h.El("h2", "追記（送信のあとに書かれたこと）");
        h.Raw("<ul class=\"addenda\">");
        foreach (var addendum in t.Additions)
        {
            h.Raw("<li><span class=\"meta\">").Text($"{Local(addendum.At)} 相談者").Raw("</span><div class=\"text\">").Text(addendum.Text).Raw("</div></li>");
        }

        h.Raw("</ul>");
    }

    private static void Form(Html h, HttpContext context, string action, string button)
    {
        h.Raw("<form method=\"post\"").Attr("action", action).Raw(" class=\"inline\">");
        Page.Csrf(h, context);
        h.Raw("<button type=\"submit\">").Text(button).Raw("</button></form> ");
    }

    private static void Answers(Html h, TicketDetail t, IConfiguration configuration)
    {
        h.El("h2", "回答");
        if (t.Anonymised)
        {
            h.El("p", TicketDetail.AnonymisedNotice + "。");
            return;
        }

        h.Raw("<table class=\"answers\"><tbody>");
        var answers = TicketAnswers.For(t.Record, configuration);
        foreach (var (label, value) in answers)
        {
            h.Raw("<tr>").El("th", label).El("td", value ?? "（未回答・わからない）").Raw("</tr>");
        }

        if (answers.Count == 0)
        {
            h.Raw("<tr><td>（質問に答える前の相談です。会話の記録を見てください）</td></tr>");
        }

        h.Raw("</tbody></table>");
    }

    private static void Transcript(Html h, TicketDetail t)
    {
        h.Raw("<ol class=\"transcript\">");
        foreach (var line in t.Transcript)
        {
            h.Raw("<li").Attr("class", line.FromUser ? "user" : "bot").Raw("><span class=\"meta\">").Text($"{Local(line.At)} {(line.FromUser ? "相談者" : "ボット")}").Raw("</span><div class=\"text\">").Text(line.Text).Raw("</div></li>");
        }

        h.Raw("</ol>");
    }

    private static async Task<IResult> PrintAsync(HttpContext context, TicketDesk desk, IConfiguration configuration, string reference)
    {
        var result = await desk.GetAsync(StaffPrincipal.From(context.User), reference, "print", context.RequestAborted);
        if (result.Value is not { } t)
        {
            return DeskError(context, result.Outcome, result.Message);
        }

        var r = t.Row;
        var center = Center.CenterOptions.Read(configuration);
        return Page.Render(context, "相談受付票 " + r.Reference, h =>
        {
            h.El("h1", "相談受付票");
            h.El("p", center.Name, "center");
            h.Raw("<table class=\"answers\"><tbody>");
            h.Raw("<tr>").El("th", "受付番号").El("td", r.Reference).Raw("</tr>");
            h.Raw("<tr>").El("th", "受付日時").El("td", Local(r.CreatedAt)).Raw("</tr>");
            h.Raw("<tr>").El("th", "種別").El("td", TicketLabels.Kind(r.Kind)).Raw("</tr>");
            h.Raw("<tr>").El("th", "優先度・期限").El("td", $"{TicketLabels.Priority(r.PriorityRank)}（期限 {r.DueDate:yyyy-MM-dd}）").Raw("</tr>");
            h.Raw("<tr>").El("th", "業務区分").El("td", TicketLabels.Duty(r.Duty)).Raw("</tr>");
            h.Raw("<tr>").El("th", "フラグ").El("td", string.Join("・", r.Flags.Select(TicketLabels.Flag))).Raw("</tr>");
            h.Raw("<tr>").El("th", "状態・担当").El("td", $"{r.Status}（{r.Owner ?? "未担当"}）").Raw("</tr>");
            h.Raw("<tr>").El("th", "連絡先").El("td", t.Anonymised ? TicketDetail.AnonymisedNotice : TicketLabels.Contact(t.Record)).Raw("</tr>");
            if (t.SameCase.Count > 0)
            {
                h.Raw("<tr>").El("th", "同じ相談の相談票").El("td", string.Join("、", t.SameCase.Select(c => $"{c.Reference}（{TicketLabels.Kind(c.Kind)}）"))).Raw("</tr>");
            }

            h.Raw("</tbody></table>");
            Answers(h, t, configuration);
            Addenda(h, t);
            h.El("h2", "判定の理由");
            h.Raw("<ul>");
            foreach (var reason in t.Triage.Reasons)
            {
                h.El("li", reason);
            }

            h.Raw("</ul>");
            h.El("h2", "次にすること");
            h.Raw("<ul>");
            foreach (var item in t.Checklist)
            {
                h.El("li", (item.DoneAt is null ? "☐ " : "☑ ") + item.Text);
            }

            h.Raw("</ul>");
            h.El("h2", "メモ");
            h.Raw("<ul>");
            foreach (var note in t.Notes)
            {
                h.El("li", $"{Local(note.At)} {note.Author}: {note.Text}");
            }

            h.Raw("</ul>");
        }, print: true);
    }

    private static async Task<(StaffPrincipal User, IFormCollection Form, IResult? Error)> FormAsync(HttpContext context)
    {
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        return (StaffPrincipal.From(context.User), form ?? FormCollection.Empty, error);
    }

    private static IResult Back(string reference) => Results.Redirect(TicketUrl(reference));

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
        var byDuty = TicketLabels.Duties.Select(d => (TicketLabels.Duty((int)d), rows.Count(r => r.Duty == (int)d))).ToList();
        var byRole = TicketLabels.Roles.Select(role => (TicketLabels.Role(role), rows.Count(r => (r.Role ?? "Unknown") == role))).ToList();
        var byMonth = rows.GroupBy(r => r.CreatedAt.ToOffset(IntakeConversation.CenterUtcOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        return Page.Render(context, "統計", h =>
        {
            h.El("h1", "統計");
            h.El("p", $"相談の件数: {rows.Count}件（1つの会話の危機対応・人との対話・受付の相談票は1件と数えます。相談票の総数: {tickets}件）");
            foreach (var (title, data) in new[] { ("業務区分別", byDuty), ("相談者の立場別", byRole), ("月別", byMonth) })
            {
                h.El("h2", title);
                BarChart.Write(h, title, data);
                h.Raw("<table class=\"stats\"><tbody>");
                foreach (var (label, count) in data)
                {
                    h.Raw("<tr>").El("th", label).El("td", count.ToString(CultureInfo.InvariantCulture)).Raw("</tr>");
                }

                h.Raw("</tbody></table>");
            }
        });
    }

    private static async Task<IResult> AdminAsync(HttpContext context, IntakeDbContext db)
    {
        var users = await db.StaffUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(context.RequestAborted);
        var audit = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Take(500).ToListAsync(context.RequestAborted);
        return Page.Render(context, "管理", h =>
        {
            h.El("h1", "管理");
            h.El("h2", "職員");
            h.Raw("<table><thead><tr><th>ユーザー名</th><th>役割</th><th>状態</th><th></th></tr></thead><tbody>");
            foreach (var u in users)
            {
                h.Raw("<tr>").El("td", u.UserName).El("td", u.Role == StaffRoles.Admin ? "管理者" : "コーディネーター")
                    .El("td", u.Disabled ? "無効" : u.LockoutEndMs is not null ? "ロック中" : "有効").Raw("<td>");
                if (!u.Disabled)
                {
                    Form(h, context, "/dashboard/admin/users/" + Uri.EscapeDataString(u.UserName) + "/disable", "無効にする");
                }

                h.Raw("</td></tr>");
            }

            h.Raw("</tbody></table>");
            h.El("p", "職員の追加: dotnet run --project bot -- users add 名前 --role coordinator（パスワードは標準入力から）");
            h.El("h2", "監査ログ（新しい順、最大500件）");
            h.Raw("<table class=\"audit\"><thead><tr><th>日時</th><th>職員</th><th>操作</th><th>相談票</th><th>結果</th><th>詳細</th></tr></thead><tbody>");
            foreach (var a in audit)
            {
                h.Raw("<tr>").El("td", Local(a.At)).El("td", a.UserName).El("td", a.Action).El("td", a.TicketReference).El("td", a.Outcome).El("td", a.Detail).Raw("</tr>");
            }

            h.Raw("</tbody></table>");
        });
    }

    private static async Task<IResult> DisableAsync(HttpContext context, StaffAccounts accounts, AuditLog audit, string name)
    {
        var user = StaffPrincipal.From(context.User);
        if (!StaffAccounts.IsValidName(name) || !await accounts.DisableAsync(name, context.RequestAborted))
        {
            return Page.Message(context, 404, "見つかりません", "その職員はいません。");
        }

        await audit.WriteAsync(user, "disable-user", null, AuditLog.Ok, context.RequestAborted, name);
        return Results.Redirect("/dashboard/admin");
    }
}
