using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// The admin page: staff accounts (add, disable, re-enable, unlock, reset password) and the
/// audit log. Every change is audited; a coordinator who tries gets 403 and an audit row.
/// </summary>
public static class AdminPages
{
    public const string DeniedAction = "admin";

    public static WebApplication MapAdminPages(this WebApplication app)
    {
        var admin = app.MapGroup("/dashboard/admin").RequireAuthorization(StaffSetup.StaffPolicy)
            .AddEndpointFilter(AdminOnlyAsync).AddEndpointFilter(RequestGuard.FilterAsync);
        admin.MapGet("/", AdminAsync);
        admin.MapPost("/users", AddAsync);
        admin.MapPost("/users/{name}/disable", DisableAsync);
        admin.MapPost("/users/{name}/enable", EnableAsync);
        admin.MapPost("/users/{name}/unlock", UnlockAsync);
        admin.MapPost("/users/{name}/password", ResetPasswordAsync);
        return app;
    }

    /// <summary>Coordinators are logged in but not admins: refused, and the attempt is on record.</summary>
    private static async ValueTask<object?> AdminOnlyAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var user = StaffPrincipal.From(context.User);
        if (user.IsAdmin)
        {
            return await next(invocation);
        }

        var audit = context.RequestServices.GetRequiredService<AuditLog>();
        await audit.WriteAsync(user, DeniedAction, null, AuditLog.Denied, context.RequestAborted, context.Request.Method + " " + context.Request.Path.Value);
        return DeskPage.Message(context, StatusCodes.Status403Forbidden, "権限がありません", "このページは管理者だけが使えます。");
    }

    private static async Task<IResult> AdminAsync(HttpContext context, IntakeDbContext db, StaffAccounts accounts, TimeProvider clock) =>
        await PageAsync(context, db, accounts, clock, context.Request.Query["done"].ToString() switch
        {
            "add" => "職員を追加しました。",
            "disable" => "職員を無効にしました。その職員のログイン中の画面はすべて終了しました。",
            "enable" => "職員を有効に戻しました。",
            "unlock" => "ロックを解除しました。",
            "password" => "パスワードを再設定しました。その職員のログイン中の画面はすべて終了しました。",
            _ => null,
        }, null, StatusCodes.Status200OK);

    private static async Task<IResult> PageAsync(HttpContext context, IntakeDbContext db, StaffAccounts accounts, TimeProvider clock, string? notice, string? error, int status)
    {
        IReadOnlyList<StaffUser> users = await db.StaffUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(context.RequestAborted);
        IReadOnlyList<AuditEntry> audit = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Take(500).ToListAsync(context.RequestAborted);
        return DeskPage.Render<AdminPage>(context, new
        {
            Users = users,
            Audit = audit,
            NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            accounts.MinPasswordLength,
            Notice = notice,
            Error = error,
        }, status);
    }

    private static IResult Done(string what) => Results.Redirect("/dashboard/admin?done=" + what);

    private static async Task<IResult> AddAsync(HttpContext context, StaffAccounts accounts, AuditLog audit, IntakeDbContext db, TimeProvider clock)
    {
        var (form, formError) = await RequestGuard.ReadFormAsync(context);
        if (form is null)
        {
            return formError!;
        }

        var user = StaffPrincipal.From(context.User);
        var name = form["userName"].ToString().Trim();
        var role = form["role"].ToString();
        var password = form["password"].ToString();
        var problem = !StaffAccounts.IsValidName(name) ? "ユーザー名は半角英数字と . _ - の2〜64文字にしてください。"
            : !StaffRoles.IsValid(role) ? "役割を選んでください。"
            : accounts.CheckPassword(password) ?? (await accounts.FindAsync(name, context.RequestAborted) is not null ? "そのユーザー名はすでに使われています。" : null);
        if (problem is not null)
        {
            await audit.WriteAsync(user, "add-user", null, "invalid", context.RequestAborted, StaffAccounts.IsValidName(name) ? name : null);
            return await PageAsync(context, db, accounts, clock, null, problem, StatusCodes.Status400BadRequest);
        }

        try
        {
            await accounts.AddAsync(name, role, password, context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Two admins adding the same name at once: the unique index decides.
            await audit.WriteAsync(user, "add-user", null, "conflict", context.RequestAborted, name);
            return await PageAsync(context, db, accounts, clock, null, "そのユーザー名はすでに使われています。", StatusCodes.Status409Conflict);
        }

        await audit.WriteAsync(user, "add-user", null, AuditLog.Ok, context.RequestAborted, $"{name} ({role})");
        return Done("add");
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, AuditLog audit, string action, string done, string name, Func<Task<bool>> change)
    {
        var user = StaffPrincipal.From(context.User);
        if (!await change())
        {
            await audit.WriteAsync(user, action, null, AuditLog.NotFound, context.RequestAborted, StaffAccounts.IsValidName(name) ? name : null);
            return DeskPage.Message(context, StatusCodes.Status404NotFound, "見つかりません", "その職員はいません。");
        }

        await audit.WriteAsync(user, action, null, AuditLog.Ok, context.RequestAborted, name);
        return Done(done);
    }

    private static async Task<IResult> DisableAsync(HttpContext context, StaffAccounts accounts, AuditLog audit, string name)
    {
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        if (form is null)
        {
            return error!;
        }

        if (string.Equals(name, StaffPrincipal.From(context.User).Name, StringComparison.Ordinal))
        {
            // The last admin could otherwise lock everyone out of this page.
            await audit.WriteAsync(StaffPrincipal.From(context.User), "disable-user", null, "invalid", context.RequestAborted, name);
            return DeskPage.Message(context, StatusCodes.Status400BadRequest, "無効にできません", "自分のアカウントは無効にできません。ほかの管理者に頼んでください。");
        }

        return await ChangeAsync(context, audit, "disable-user", "disable", name, () => accounts.DisableAsync(name, context.RequestAborted));
    }

    private static async Task<IResult> EnableAsync(HttpContext context, StaffAccounts accounts, AuditLog audit, string name)
    {
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        return form is null ? error! : await ChangeAsync(context, audit, "enable-user", "enable", name, () => accounts.EnableAsync(name, context.RequestAborted));
    }

    private static async Task<IResult> UnlockAsync(HttpContext context, StaffAccounts accounts, AuditLog audit, string name)
    {
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        return form is null ? error! : await ChangeAsync(context, audit, "unlock-user", "unlock", name, () => accounts.UnlockAsync(name, context.RequestAborted));
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext context, StaffAccounts accounts, AuditLog audit, IntakeDbContext db, TimeProvider clock, string name)
    {
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        if (form is null)
        {
            return error!;
        }

        var password = form["password"].ToString();
        if (accounts.CheckPassword(password) is { } problem)
        {
            await audit.WriteAsync(StaffPrincipal.From(context.User), "reset-password", null, "invalid", context.RequestAborted, StaffAccounts.IsValidName(name) ? name : null);
            return await PageAsync(context, db, accounts, clock, null, problem, StatusCodes.Status400BadRequest);
        }

        return await ChangeAsync(context, audit, "reset-password", "password", name, () => accounts.ChangePasswordAsync(name, password, context.RequestAborted));
    }
}
