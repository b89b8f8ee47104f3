using System.Net;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Dashboard;

/// <summary>Issue 23, part 3: admins manage the staff accounts in the admin page, every change audited, nobody else can.</summary>
public sealed class AccountManagementTests : IAsyncLifetime
{
    private const string NewPassword = "a-fresh-long-password";

    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Staff:MaxFailedLogins"] = "3" });
        await _host.AddStaffAsync("tanaka");
        await _host.AddStaffAsync("chief", StaffRoles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<StaffUser?> UserAsync(string name) => _host.DbAsync(db => db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name));

    private Task<int> AuditAsync(string action, string outcome, string? detail = null) =>
        _host.DbAsync(db => db.AuditLog.CountAsync(a => a.Action == action && a.Outcome == outcome && (detail == null || a.Detail == detail)));

    private static Dictionary<string, string> NewUser(string name, string password = NewPassword, string role = StaffRoles.Coordinator) =>
        new() { ["userName"] = name, ["role"] = role, ["password"] = password };

    [Fact]
    public async Task An_admin_adds_a_coordinator_in_the_page_who_can_then_log_in_and_the_addition_is_audited()
    {
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        var page = await admin.Client.GetStringAsync("dashboard/admin");
        Assert.Contains("action=\"/dashboard/admin/users\"", page, StringComparison.Ordinal);

        using var add = await admin.PostFormAsync("dashboard/admin/users", NewUser("sato"));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Equal(StaffRoles.Coordinator, (await UserAsync("sato"))!.Role);
        Assert.Equal(1, await AuditAsync("add-user", "ok", "sato (coordinator)"));
        Assert.Contains("職員を追加しました。", await admin.Client.GetStringAsync(add.Headers.Location!.OriginalString.TrimStart('/')), StringComparison.Ordinal);

        using var sato = await StaffSession.LoginAsync(_host, "sato", NewPassword);
        using var queue = await sato.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        using var adminPage = await sato.Client.GetAsync("dashboard/admin");
        Assert.Equal(HttpStatusCode.Forbidden, adminPage.StatusCode);
    }

    [Theory]
    [InlineData("sato", "short-pass", StaffRoles.Coordinator, "12文字以上")]
    [InlineData("tanaka", NewPassword, StaffRoles.Coordinator, "すでに使われています")]
    [InlineData("山田", NewPassword, StaffRoles.Coordinator, "半角英数字")]
    [InlineData("sato", NewPassword, "superuser", "役割を選んでください")]
    public async Task An_account_the_rules_refuse_is_not_added_and_the_page_says_why(string name, string password, string role, string message)
    {
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        var before = await _host.DbAsync(db => db.StaffUsers.CountAsync());
        using var add = await admin.PostFormAsync("dashboard/admin/users", NewUser(name, password, role));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Contains(message, await add.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await _host.DbAsync(db => db.StaffUsers.CountAsync()));
        Assert.Equal(1, await AuditAsync("add-user", "invalid"));
    }

    [Fact]
    public async Task An_admin_disables_and_re_enables_an_account_and_the_old_password_works_again()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var disable = await admin.PostFormAsync("dashboard/admin/users/tanaka/disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Contains("有効に戻す", await admin.Client.GetStringAsync("dashboard/admin"), StringComparison.Ordinal);
        using var ended = await coordinator.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        using var enable = await admin.PostFormAsync("dashboard/admin/users/tanaka/enable");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.False((await UserAsync("tanaka"))!.Disabled);
        using var again = await StaffSession.LoginAsync(_host, "tanaka");
        Assert.Equal(1, await AuditAsync("disable-user", "ok", "tanaka"));
        Assert.Equal(1, await AuditAsync("enable-user", "ok", "tanaka"));
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var disable = await admin.PostFormAsync("dashboard/admin/users/chief/disable");
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.False((await UserAsync("chief"))!.Disabled);
        Assert.Equal(1, await AuditAsync("disable-user", "invalid", "chief"));
    }

    [Fact]
    public async Task An_admin_unlocks_an_account_locked_by_failed_logins_before_the_lockout_ends()
    {
        for (var i = 0; i < 4; i++)
        {
            using var guess = StaffSession.Anonymous(_host);
            using var _ = await guess.TryLoginAsync("tanaka", "wrong-password-" + i);
        }

        using var locked = StaffSession.Anonymous(_host);
        using var refused = await locked.TryLoginAsync("tanaka", StaffSession.Password);
        Assert.Equal((HttpStatusCode)423, refused.StatusCode);

        using var admin = await StaffSession.LoginAsync(_host, "chief");
        var page = await admin.Client.GetStringAsync("dashboard/admin");
        Assert.Contains("ロック中", page, StringComparison.Ordinal);
        Assert.Contains("/dashboard/admin/users/tanaka/unlock", page, StringComparison.Ordinal);
        using var unlock = await admin.PostFormAsync("dashboard/admin/users/tanaka/unlock");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Null((await UserAsync("tanaka"))!.LockoutEndMs);
        Assert.Equal(1, await AuditAsync("unlock-user", "ok", "tanaka"));
        using var back = await StaffSession.LoginAsync(_host, "tanaka");
    }

    [Fact]
    public async Task An_admin_resets_a_password_which_ends_the_users_sessions_and_replaces_the_old_password()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var tooShort = await admin.PostFormAsync("dashboard/admin/users/tanaka/password", new Dictionary<string, string> { ["password"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        using var stillIn = await coordinator.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var reset = await admin.PostFormAsync("dashboard/admin/users/tanaka/password", new Dictionary<string, string> { ["password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var ended = await coordinator.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        using var old = StaffSession.Anonymous(_host);
        using var oldLogin = await old.TryLoginAsync("tanaka", StaffSession.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.StatusCode);
        using var fresh = await StaffSession.LoginAsync(_host, "tanaka", NewPassword);
        Assert.Equal(1, await AuditAsync("reset-password", "ok", "tanaka"));
        Assert.Equal(1, await AuditAsync("reset-password", "invalid", "tanaka"));
    }

    [Fact]
    public async Task Changing_an_account_nobody_has_is_a_404_with_an_audit_row()
    {
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var missing = await admin.PostFormAsync("dashboard/admin/users/nobody/unlock");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(1, await AuditAsync("unlock-user", "notfound", "nobody"));
    }

    [Fact]
    public async Task A_coordinator_gets_403_and_an_audit_row_for_the_admin_page_and_every_account_action()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        var posts = new[] { "dashboard/admin/users", "dashboard/admin/users/chief/disable", "dashboard/admin/users/chief/enable", "dashboard/admin/users/chief/unlock", "dashboard/admin/users/chief/password" };
        using var page = await coordinator.Client.GetAsync("dashboard/admin");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        foreach (var post in posts)
        {
            using var response = await coordinator.PostFormAsync(post, NewUser("mallory"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(1 + posts.Length, await _host.DbAsync(db => db.AuditLog.CountAsync(a => a.Action == "admin" && a.Outcome == "denied" && a.UserName == "tanaka")));
        Assert.Null(await UserAsync("mallory"));
        var chief = (await UserAsync("chief"))!;
        Assert.False(chief.Disabled);
        using var stillChief = await StaffSession.LoginAsync(_host, "chief");
    }

    [Fact]
    public async Task Account_actions_without_the_antiforgery_token_or_from_another_site_change_nothing()
    {
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var noToken = await admin.PostFormAsync("dashboard/admin/users", NewUser("sato"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using var foreign = await admin.PostFormAsync("dashboard/admin/users/tanaka/disable", origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Null(await UserAsync("sato"));
        Assert.False((await UserAsync("tanaka"))!.Disabled);
    }

    [Fact]
    public async Task The_audit_log_on_the_admin_page_names_each_action_in_Japanese_beside_its_code()
    {
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var add = await admin.PostFormAsync("dashboard/admin/users", NewUser("sato"));
        var page = await admin.Client.GetStringAsync("dashboard/admin");
        Assert.Contains("ログイン <span class=\"code\">login</span>", page, StringComparison.Ordinal);
        Assert.Contains("職員の追加 <span class=\"code\">add-user</span>", page, StringComparison.Ordinal);
        Assert.Contains("<td>成功</td>", page, StringComparison.Ordinal);
    }
}
