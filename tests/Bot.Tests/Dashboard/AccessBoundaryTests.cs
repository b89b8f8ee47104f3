using System.Net;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Dashboard;

/// <summary>SECURITY.md case 9 and the login boundary: no page or API without a session, no admin page for coordinators, no POST without antiforgery or from a foreign Origin.</summary>
public sealed class AccessBoundaryTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private string _reference = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        await _host.AddStaffAsync("tanaka");
        await _host.AddStaffAsync("suzuki");
        await _host.AddStaffAsync("chief", StaffRoles.Admin);
        (_reference, _) = await DeskFixtures.IntakeAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string[] Pages => ["dashboard", "dashboard/", "dashboard/stats", "dashboard/admin", "dashboard/password", $"dashboard/tickets/{_reference}", $"dashboard/tickets/{_reference}/print"];

    private string[] PagePosts => ["dashboard/logout", "dashboard/password", $"dashboard/tickets/{_reference}/claim", $"dashboard/tickets/{_reference}/release",
        $"dashboard/tickets/{_reference}/status", $"dashboard/tickets/{_reference}/notes", $"dashboard/tickets/{_reference}/checklist", "dashboard/admin/users/tanaka/disable"];

    private string[] ApiGets => ["api/tickets", "api/tickets/export.csv", $"api/tickets/{_reference}", "api/antiforgery"];

    private string[] ApiPosts => [$"api/tickets/{_reference}/claim", $"api/tickets/{_reference}/release", $"api/tickets/{_reference}/status", $"api/tickets/{_reference}/notes", $"api/tickets/{_reference}/checklist"];

    private Task<(long? Owner, string Status, int Notes, int Events)> StateAsync() => _host.DbAsync(async db =>
    {
        var c = await db.TicketCases.AsNoTracking().Include(x => x.Ticket).SingleAsync(x => x.Ticket.ReferenceNumber == _reference);
        return (c.OwnerId, c.Ticket.Status, await db.TicketNotes.CountAsync(n => n.TicketId == c.TicketId), await db.TicketEvents.CountAsync(v => v.TicketId == c.TicketId));
    });

    [Fact]
    public async Task Every_page_without_login_redirects_to_the_login_page_and_changes_nothing()
    {
        var before = await StateAsync();
        using var anonymous = StaffSession.Anonymous(_host);
        foreach (var page in Pages)
        {
            using var response = await anonymous.Client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            Assert.StartsWith("/dashboard/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        foreach (var page in PagePosts)
        {
            using var response = await anonymous.Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "対応中", ["text"] = "x" }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            Assert.StartsWith("/dashboard/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(before, await StateAsync());
        Assert.False(await _host.DbAsync(db => db.StaffUsers.AnyAsync(u => u.Disabled)));
    }

    [Fact]
    public async Task Every_api_without_login_is_401_json_and_changes_nothing()
    {
        var before = await StateAsync();
        using var anonymous = StaffSession.Anonymous(_host);
        foreach (var path in ApiGets)
        {
            using var response = await anonymous.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }

        foreach (var path in ApiPosts)
        {
            using var response = await anonymous.PostJsonAsync(path, new { status = "対応中", text = "x", id = 1, done = true }, withToken: false);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
        }

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_coordinator_gets_403_on_admin_pages_and_cannot_disable_anyone()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        using var page = await coordinator.Client.GetAsync("dashboard/admin");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        using var disable = await coordinator.PostFormAsync("dashboard/admin/users/suzuki/disable");
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.False(await _host.DbAsync(db => db.StaffUsers.AnyAsync(u => u.Disabled)));

        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var adminPage = await admin.Client.GetAsync("dashboard/admin");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("監査ログ", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_rejected_and_change_nothing()
    {
        var before = await StateAsync();
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");

        using var form = await coordinator.PostFormAsync($"dashboard/tickets/{_reference}/claim", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        using var api = await coordinator.PostJsonAsync($"api/tickets/{_reference}/claim", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"api/tickets/{_reference}/claim");
        forged.Headers.Add(RequestGuard.HeaderName, "forged-token");
        using var forgedResponse = await coordinator.Client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);

        // Another user's token does not work for this session either.
        using var other = await StaffSession.LoginAsync(_host, "suzuki");
        var otherToken = await other.ApiTokenAsync();
        using var swapped = new HttpRequestMessage(HttpMethod.Post, $"api/tickets/{_reference}/claim");
        swapped.Headers.Add(RequestGuard.HeaderName, otherToken);
        using var swappedResponse = await coordinator.Client.SendAsync(swapped);
        Assert.Equal(HttpStatusCode.BadRequest, swappedResponse.StatusCode);

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Posts_from_a_foreign_origin_are_rejected_even_with_a_token()
    {
        var before = await StateAsync();
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        using var form = await coordinator.PostFormAsync($"dashboard/tickets/{_reference}/claim", origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        using var api = await coordinator.PostJsonAsync($"api/tickets/{_reference}/claim", origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(before, await StateAsync());

        using var same = await coordinator.PostJsonAsync($"api/tickets/{_reference}/claim", origin: _host.BaseUrl);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.NotNull((await StateAsync()).Owner);
    }

    [Fact]
    public async Task Dashboard_pages_send_a_content_security_policy_without_inline_script()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        foreach (var page in new[] { "dashboard", "dashboard/stats", $"dashboard/tickets/{_reference}", $"dashboard/tickets/{_reference}/print", "dashboard/login" })
        {
            using var response = await coordinator.Client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", scriptSrc, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            // Scripts only as the site's own static files (the ticket page's chat panel), never inline.
            var html = await response.Content.ReadAsStringAsync();
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>[^<]*</script>|<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.All(scripts, m => Assert.Matches("^<script src=\"/dashboard/[a-z-]+\\.js\"( defer)?></script>$", m.Value));
        }
    }
}
