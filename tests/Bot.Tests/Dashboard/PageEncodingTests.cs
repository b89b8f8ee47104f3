using System.Net;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.Dashboard;

/// <summary>
/// Every desk page is a Razor component: what a person, a coordinator or an attacker typed comes
/// out encoded wherever it lands (text, attribute, audit log), and Japanese stays readable.
/// Ticket content (names, chat, notes) is covered by TicketContentTests.
/// </summary>
public sealed class PageEncodingTests : IAsyncLifetime
{
    private const string Payload = "\"><script>alert(1)</script>";
    private const string Encoded = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";

    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        await _host.AddStaffAsync("tanaka");
        await _host.AddStaffAsync("chief", StaffRoles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static void AssertInert(string html, string where)
    {
        Assert.False(html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase), $"{where} contains a live script");
        Assert.False(html.Contains("\"><script", StringComparison.OrdinalIgnoreCase), $"{where} lets a value out of its attribute");
    }

    [Fact]
    public async Task A_typed_ticket_number_and_path_with_markup_come_out_encoded_in_the_admin_pages_audit_log()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        using var guess = await coordinator.Client.GetAsync("dashboard/tickets/" + Uri.EscapeDataString(Payload));
        Assert.Equal(HttpStatusCode.NotFound, guess.StatusCode);
        AssertInert(await guess.Content.ReadAsStringAsync(), "not-found page");
        using var denied = await coordinator.Client.GetAsync("dashboard/admin?x=" + Uri.EscapeDataString(Payload));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var deniedPath = await coordinator.PostFormAsync("dashboard/admin/users/" + Uri.EscapeDataString("<script>alert(1)</script>") + "/disable");
        Assert.Equal(HttpStatusCode.Forbidden, deniedPath.StatusCode);

        using var admin = await StaffSession.LoginAsync(_host, "chief");
        var page = await admin.Client.GetStringAsync("dashboard/admin");
        AssertInert(page, "admin page");
        // The router leaves %2F encoded in a segment, so the typed number ends "&lt;%2Fscript&gt;".
        Assert.Contains("<td>&quot;&gt;&lt;script&gt;alert(1)&lt;", page, StringComparison.Ordinal);
        Assert.Contains("POST /dashboard/admin/users/&lt;script&gt;alert(1)&lt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_text_with_markup_stays_inside_the_queues_search_field()
    {
        using var coordinator = await StaffSession.LoginAsync(_host, "tanaka");
        var page = await coordinator.Client.GetStringAsync("dashboard?q=" + Uri.EscapeDataString(Payload));
        AssertInert(page, "queue");
        Assert.Contains("value=\"" + Encoded + "\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_with_markup_stays_inside_the_login_forms_hidden_field()
    {
        using var anonymous = StaffSession.Anonymous(_host);
        var page = await anonymous.Client.GetStringAsync("dashboard/login?ReturnUrl=" + Uri.EscapeDataString("/dashboard" + Payload));
        AssertInert(page, "login page");
        Assert.Contains("name=\"returnUrl\" value=\"/dashboard" + Encoded + "\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_is_a_whole_Japanese_document_with_readable_text_and_one_stylesheet()
    {
        var (reference, _) = await DeskFixtures.IntakeAsync(_host, name: "山田 花子");
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        var pages = new Dictionary<string, string>
        {
            ["dashboard"] = "相談票キュー",
            [$"dashboard/tickets/{reference}"] = "判定の理由",
            [$"dashboard/tickets/{reference}/print"] = "相談受付票",
            ["dashboard/stats"] = "業務区分別",
            ["dashboard/admin"] = "監査ログ",
            ["dashboard/password"] = "パスワード変更",
        };
        foreach (var (path, heading) in pages)
        {
            using var response = await admin.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} may be cached");
            Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
            var html = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
            Assert.Contains(heading, html, StringComparison.Ordinal);
            // Only markup and control characters are escaped (a line break as &#xA;), never Japanese.
            Assert.All(System.Text.RegularExpressions.Regex.Matches(html, "&#x([0-9A-Fa-f]+);"), m => Assert.True(Convert.ToInt32(m.Groups[1].Value, 16) < 0x80, $"{path} escapes {m.Value}"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"stylesheet\""));
        }

        Assert.Contains("山田 花子", await admin.Client.GetStringAsync($"dashboard/tickets/{reference}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_print_view_shows_the_ticket_pages_parts_without_any_form()
    {
        var (reference, _) = await DeskFixtures.IntakeAsync(_host);
        using var admin = await StaffSession.LoginAsync(_host, "chief");
        using var claim = await admin.PostFormAsync($"dashboard/tickets/{reference}/claim");
        using var note = await admin.PostFormAsync($"dashboard/tickets/{reference}/notes", new Dictionary<string, string> { ["text"] = "折り返し電話の約束" });
        var detail = await admin.Client.GetStringAsync($"dashboard/tickets/{reference}");
        var print = await admin.Client.GetStringAsync($"dashboard/tickets/{reference}/print");
        foreach (var part in new[] { "<h2>回答</h2>", "<h2>判定の理由</h2>", "<h2>次にすること</h2>", "<h2>メモ</h2>", "折り返し電話の約束", "<table class=\"answers\">" })
        {
            Assert.Contains(part, detail, StringComparison.Ordinal);
            Assert.Contains(part, print, StringComparison.Ordinal);
        }

        Assert.Contains("<form", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", print, StringComparison.Ordinal);
        Assert.Contains("<body class=\"print\"", print, StringComparison.Ordinal);
    }
}
