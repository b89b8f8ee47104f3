using System.Net;
using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tests.Staff;

/// <summary>SECURITY.md cases 10 and 11: login, lockout under parallel guessing, and the session lifecycle.</summary>
public sealed class LoginTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        await _host.AddStaffAsync("tanaka");
        await _host.AddStaffAsync("chief", StaffRoles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<StaffUser> UserAsync(string name) =>
        _host.DbAsync(db => db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == name));

    [Fact]
    public async Task Login_gives_an_HttpOnly_SameSite_Strict_session_cookie_and_a_new_session_each_time()
    {
        using var first = StaffSession.Anonymous(_host);
        using var response = await first.TryLoginAsync("tanaka", StaffSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffSetup.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", setCookie, StringComparison.OrdinalIgnoreCase);

        using var page = await first.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var second = await StaffSession.LoginAsync(_host, "tanaka");
        Assert.NotEqual(first.SessionCookie, second.SessionCookie);
        Assert.Equal(2, await _host.DbAsync(db => db.AuditLog.CountAsync(a => a.UserName == "tanaka" && a.Action == "login" && a.Outcome == "ok")));
        Assert.Equal(0, (await UserAsync("tanaka")).FailedCount);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_refused_without_a_session()
    {
        using var session = StaffSession.Anonymous(_host);
        using var wrong = await session.TryLoginAsync("tanaka", "not-the-password-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var unknown = await session.TryLoginAsync("nobody", StaffSession.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Null(session.SessionCookie);
        using var page = await session.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(1, (await UserAsync("tanaka")).FailedCount);
    }

    [Fact]
    public async Task Fifty_parallel_wrong_passwords_check_at_most_the_limit_and_the_lock_holds()
    {
        var max = _host.Services.GetRequiredService<IOptions<StaffOptions>>().Value.MaxFailedLogins;
        var sessions = Enumerable.Range(0, 50).Select(_ => StaffSession.Anonymous(_host)).ToList();
        var tokens = await Task.WhenAll(sessions.Select(s => s.FormTokenAsync("dashboard/login")));
        var statuses = await Task.WhenAll(sessions.Select(async (s, i) =>
        {
            using var response = await s.Client.PostAsync("dashboard/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "tanaka",
                ["password"] = "wrong-guess-" + i,
                [RequestGuard.FormFieldName] = tokens[i],
            }));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.Locked, s.ToString()));
        Assert.True(statuses.Count(s => s == HttpStatusCode.Unauthorized) <= max, "no more than the limit of passwords may be checked");
        Assert.All(sessions, s => Assert.Null(s.SessionCookie));

        // The right password now is refused too: the lock holds.
        using var right = StaffSession.Anonymous(_host);
        using var response = await right.TryLoginAsync("tanaka", StaffSession.Password);
        Assert.Equal(HttpStatusCode.Locked, response.StatusCode);
        Assert.Null(right.SessionCookie);
        var user = await UserAsync("tanaka");
        Assert.Equal(max, user.FailedCount);
        Assert.NotNull(user.LockoutEndMs);
        sessions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Logout_ends_every_session_of_the_user()
    {
        using var desk = await StaffSession.LoginAsync(_host, "tanaka");
        using var laptop = await StaffSession.LoginAsync(_host, "tanaka");
        var stamp = (await UserAsync("tanaka")).SecurityStamp;

        using var logout = await desk.PostFormAsync("dashboard/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        foreach (var session in new[] { desk, laptop })
        {
            using var page = await session.Client.GetAsync("dashboard");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/dashboard/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.NotEqual(stamp, (await UserAsync("tanaka")).SecurityStamp);
    }

    [Fact]
    public async Task Logout_without_the_antiforgery_token_is_rejected_and_the_session_stays()
    {
        using var desk = await StaffSession.LoginAsync(_host, "tanaka");
        var stamp = (await UserAsync("tanaka")).SecurityStamp;
        using var logout = await desk.PostFormAsync("dashboard/logout", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(stamp, (await UserAsync("tanaka")).SecurityStamp);
        using var page = await desk.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Password_change_ends_every_session_and_only_the_new_password_works()
    {
        using var desk = await StaffSession.LoginAsync(_host, "tanaka");
        using var laptop = await StaffSession.LoginAsync(_host, "tanaka");
        const string newPassword = "a-brand-new-long-password";

        var token = await desk.FormTokenAsync("dashboard/password");
        using var change = await desk.Client.PostAsync("dashboard/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = StaffSession.Password,
            ["password"] = newPassword,
            [RequestGuard.FormFieldName] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        foreach (var session in new[] { desk, laptop })
        {
            using var page = await session.Client.GetAsync("dashboard");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        using var old = StaffSession.Anonymous(_host);
        using var oldLogin = await old.TryLoginAsync("tanaka", StaffSession.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.StatusCode);
        using var fresh = await StaffSession.LoginAsync(_host, "tanaka", newPassword);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_sessions_and_their_logins()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        using var admin = await StaffSession.LoginAsync(_host, "chief");

        using var disable = await admin.PostFormAsync("dashboard/admin/users/tanaka/disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.True((await UserAsync("tanaka")).Disabled);

        using var page = await coordinator.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        using var again = StaffSession.Anonymous(_host);
        using var login = await again.TryLoginAsync("tanaka", StaffSession.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public void Sessions_time_out_after_at_most_thirty_idle_minutes()
    {
        var cookie = _host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.True(cookie.ExpireTimeSpan <= TimeSpan.FromMinutes(30));
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(SameSiteMode.Strict, cookie.Cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task An_idle_session_ends_and_a_longer_configured_idle_time_is_capped_at_thirty_minutes()
    {
        // The host's clock moves only when the test says: a slow login must not count as idle time.
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        await using (var quick = await BotHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Staff:IdleTimeout"] = "00:00:02" },
            configure: builder => builder.Services.AddSingleton<TimeProvider>(clock)))
        {
            await quick.AddStaffAsync("tanaka");
            using var session = await StaffSession.LoginAsync(quick, "tanaka");
            clock.Advance(TimeSpan.FromSeconds(1));
            using (var active = await session.Client.GetAsync("dashboard"))
            {
                Assert.Equal(HttpStatusCode.OK, active.StatusCode);
            }

            clock.Advance(TimeSpan.FromSeconds(3));
            using var idle = await session.Client.GetAsync("dashboard");
            Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
            Assert.StartsWith("/dashboard/login", idle.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        await using var lax = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Staff:IdleTimeout"] = "02:00:00" });
        var cookie = lax.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
    }

    [Fact]
    public async Task The_users_command_creates_an_admin_with_the_password_from_stdin()
    {
        var builder = BotApp.CreateBuilder(["--contentRoot", RepoPaths.Bot, "--Storage:DataFolder", _host.DataFolder, "--DataProtection:SecretsFolder", BotHost.SecretsFolderOf(_host.DataFolder), "--Logging:LogLevel:Default", "Warning", .. TestDatabase.ArgumentsFor(_host.DataFolder)]);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaffCommand.RunAsync(builder, ["add", "head", "--role", "admin"], new StringReader("a-long-enough-password\n"), output, error);
        Assert.True(code == 0, error.ToString());
        var user = await UserAsync("head");
        Assert.Equal(StaffRoles.Admin, user.Role);
        Assert.DoesNotContain("a-long-enough-password", user.PasswordHash, StringComparison.Ordinal);
        using var session = await StaffSession.LoginAsync(_host, "head", "a-long-enough-password");
        using var admin = await session.Client.GetAsync("dashboard/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        var tooShort = await StaffCommand.RunAsync(
            BotApp.CreateBuilder(["--contentRoot", RepoPaths.Bot, "--Storage:DataFolder", _host.DataFolder, "--DataProtection:SecretsFolder", BotHost.SecretsFolderOf(_host.DataFolder), "--Logging:LogLevel:Default", "Warning", .. TestDatabase.ArgumentsFor(_host.DataFolder)]),
            ["add", "weak", "--role", "coordinator"], new StringReader("short\n"), output, error);
        Assert.NotEqual(0, tooShort);
        Assert.Equal(0, await _host.DbAsync(db => db.StaffUsers.CountAsync(u => u.UserName == "weak")));
    }
}
