using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IntakeBot.Bot.Staff;

/// <summary>Staff login: cookie sessions, roles, antiforgery, and the login/logout/password pages.</summary>
public static class StaffSetup
{
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin";
    public const string CookieName = "intakebot.staff";

    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StaffOptions>(configuration.GetSection(StaffOptions.Section));
        var options = configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions();
        var idle = options.IdleTimeout > TimeSpan.FromMinutes(30) ? TimeSpan.FromMinutes(30) : options.IdleTimeout;
        services.AddScoped<StaffAccounts>();
        // The desk's pages are Razor components rendered on the server; Japanese stays readable
        // in the markup (only markup characters are escaped).
        services.AddRazorComponents();
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = idle;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/dashboard/login";
            cookie.AccessDeniedPath = "/dashboard/denied";
            cookie.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (RequestGuard.IsApi(context.HttpContext))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return context.Response.WriteAsJsonAsync(new { error = new { code = "Unauthorized", message = "ログインが必要です。" } });
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                if (RequestGuard.IsApi(context.HttpContext))
                {
                    return context.Response.WriteAsJsonAsync(new { error = new { code = "Forbidden", message = "権限がありません。" } });
                }

                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("403 権限がありません。このページは管理者だけが使えます。");
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Coordinator, StaffRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = RequestGuard.HeaderName;
            antiforgery.FormFieldName = RequestGuard.FormFieldName;
            antiforgery.Cookie.Name = "intakebot.csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>Authentication for the staff features, and the login, logout and password pages.</summary>
    public static WebApplication MapStaff(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        var pages = app.MapGroup("/dashboard").AddEndpointFilter(RequestGuard.FilterAsync);
        pages.MapGet("/login", (HttpContext context) => LoginPage(context, null, StatusCodes.Status200OK));
        pages.MapPost("/login", LoginAsync);
        pages.MapGet("/denied", (HttpContext context) => DeskPage.Message(context, StatusCodes.Status403Forbidden, "権限がありません", "このページを見る権限がありません。"));
        pages.MapPost("/logout", LogoutAsync).RequireAuthorization(StaffPolicy);
        pages.MapGet("/password", (HttpContext context) => PasswordPage(context, null, StatusCodes.Status200OK)).RequireAuthorization(StaffPolicy);
        pages.MapPost("/password", ChangePasswordAsync).RequireAuthorization(StaffPolicy);

        // JSON clients of /api/tickets fetch the antiforgery token for their POST header here.
        app.MapGet("/api/antiforgery", (HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
            Results.Json(new { headerName = RequestGuard.HeaderName, token = antiforgery.GetAndStoreTokens(context).RequestToken }))
            .RequireAuthorization(StaffPolicy);
        return app;
    }

    private static IResult LoginPage(HttpContext context, string? error, int status)
    {
        var returnUrl = context.Request.Query["ReturnUrl"].ToString();
        return DeskPage.Render<LoginPage>(context, new { Error = error, ReturnUrl = IsLocalDashboardUrl(returnUrl) ? returnUrl : null }, status);
    }

    private static bool IsLocalDashboardUrl(string url) =>
        url.StartsWith("/dashboard", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);

    private static async Task<IResult> LoginAsync(HttpContext context, StaffAccounts accounts, AuditLog audit)
    {
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        if (form is null)
        {
            return error!;
        }

        var name = form["userName"].ToString().Trim();
        var password = form["password"].ToString();
        var result = await accounts.LoginAsync(name, password, context.RequestAborted);
        if (result.Outcome != LoginOutcome.Success)
        {
            var known = StaffAccounts.IsValidName(name) ? name : "(invalid)";
            await audit.WriteAsync(null, known, "login", null, result.Outcome == LoginOutcome.Locked ? "locked" : "denied", null, context.RequestAborted);
            return result.Outcome == LoginOutcome.Locked
                ? LoginPage(context, "ログインの失敗が続いたため、このアカウントはしばらくロックされています。", StatusCodes.Status423Locked)
                : LoginPage(context, "ユーザー名またはパスワードが違います。", StatusCodes.Status401Unauthorized);
        }

        var user = result.User!;
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffPrincipal.Create(user, CookieAuthenticationDefaults.AuthenticationScheme, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        await audit.WriteAsync(user.Id, user.UserName, "login", null, "ok", null, context.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        return Results.Redirect(IsLocalDashboardUrl(returnUrl) ? returnUrl : "/dashboard");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, StaffAccounts accounts, AuditLog audit)
    {
        var user = StaffPrincipal.From(context.User);
        // A new stamp ends this session and every other session of the user.
        await accounts.EndSessionsAsync(user.Id, context.RequestAborted);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.WriteAsync(user.Id, user.Name, "logout", null, "ok", null, context.RequestAborted);
        return Results.Redirect("/dashboard/login");
    }

    private static IResult PasswordPage(HttpContext context, string? error, int status) =>
        DeskPage.Render<PasswordPage>(context, new { Error = error }, status);

    private static async Task<IResult> ChangePasswordAsync(HttpContext context, StaffAccounts accounts, AuditLog audit)
    {
        var user = StaffPrincipal.From(context.User);
        var (form, error) = await RequestGuard.ReadFormAsync(context);
        if (form is null)
        {
            return error!;
        }

        var stored = await accounts.FindAsync(user.Name, context.RequestAborted);
        if (stored is null || !accounts.Verify(stored, form["current"].ToString()))
        {
            return PasswordPage(context, "今のパスワードが違います。", StatusCodes.Status400BadRequest);
        }

        if (accounts.CheckPassword(form["password"].ToString()) is { } problem)
        {
            return PasswordPage(context, problem, StatusCodes.Status400BadRequest);
        }

        await accounts.ChangePasswordAsync(user.Name, form["password"].ToString(), context.RequestAborted);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.WriteAsync(user.Id, user.Name, "password", null, "ok", null, context.RequestAborted);
        return Results.Redirect("/dashboard/login");
    }
}
