using System.Text.RegularExpressions;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests.Dashboard;

/// <summary>
/// SECURITY.md case 8 in a real Chromium: an intake typed in the official Web Chat whose answers
/// and name carry script payloads, and a coordinator's note that carries more, are shown as text
/// in Web Chat, the queue, the ticket and its print view, and not one of them runs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoredXssBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-staple";

    // Each payload, if it ran, would open a dialog (and most would set window.__xss). The name is
    // short markup after Japanese: a longer run of ASCII reads as a foreign-language message.
    private const string Name = "山田 花子\"><img src=x onerror=alert(1)>";
    private const string Details = "<script>window.__xss='script';alert('script')</script> <svg onload=\"window.__xss='svg';alert('svg')\"> [詳しく](javascript:window.__xss='link') javascript:alert('js')";
    private const string Note = "<script>window.__xss='note';alert('note')</script><img src=x onerror=\"window.__xss='note-img';alert('note-img')\"><svg onload=\"alert('note-svg')\"><a href=\"javascript:alert('note-a')\">開く</a>";

    private readonly List<string> _dialogs = [];
    private readonly List<string> _errors = [];
    private BotHost? _host;
    private IBrowserContext? _context;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await _context!.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.PageError += (_, error) => _errors.Add(error);
        return page;
    }

    private async Task AssertInertAsync(IPage page, string where)
    {
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.Locator("img[src='x'], svg[onload], [onerror], [onload]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript' i]").CountAsync());
        Assert.Equal(0, await page.Locator("script:not([src])").Filter(new() { HasText = "__xss" }).CountAsync());
        Assert.True(_dialogs.Count == 0, $"{where}: a payload opened a dialog: {string.Join(" | ", _dialogs)}");
    }

    [SkippableFact]
    public async Task Script_payloads_in_answers_a_name_and_a_note_show_as_text_and_never_run_in_web_chat_queue_ticket_and_print()
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync();
        _context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" });

        // 1. A family files an intake in Web Chat, typing the payloads as their answers.
        var chat = await NewPageAsync();
        var visitor = new WebChatVisitor(chat, _host);
        await visitor.OpenAsync();
        var script = IntakeScripts.For("家族").ToList();
        // By the answers, not their places: questions added to the flow must not move the payloads.
        script[script.IndexOf(IntakeScripts.DetailsAnswer("家族"))] = Details;
        script[script.IndexOf("山田 花子 (はは)")] = Name;
        await visitor.TypeAllAsync(script);
        await Assertions.Expect(chat.GetByText(new Regex("受付番号は KN-")).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(chat.Locator("#webchat").GetByText("<script>window.__xss='script'", new() { Exact = false }).First).ToBeVisibleAsync();
        await AssertInertAsync(chat, "web chat");
        var reference = await _host.DbAsync(db => db.Tickets.Select(t => t.ReferenceNumber).SingleAsync());

        // 2. A coordinator logs in and opens the queue.
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("tanaka", StaffRoles.Coordinator, Password, CancellationToken.None);
        }

        var page = await NewPageAsync();
        await DeskLogin.SignInAsync(page, _host.BaseUrl + "/dashboard", "tanaka", Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "相談票キュー" })).ToBeVisibleAsync();
        var row = page.Locator("tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("山田 花子\"><img src=x onerror=alert(1)>");
        await AssertInertAsync(page, "queue");

        // 3. The ticket: the answers as text; a note with more payloads, saved and shown as text.
        await row.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard/tickets/" + Regex.Escape(reference) + "$"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("<svg onload=\"window.__xss='svg'");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("山田 花子");
        await page.Locator("textarea[name='text']").FillAsync(Note);
        await page.GetByRole(AriaRole.Button, new() { Name = "メモを保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.notes")).ToContainTextAsync("<script>window.__xss='note'");
        await Assertions.Expect(page.Locator("ul.notes")).ToContainTextAsync("<a href=\"javascript:alert('note-a')\">開く</a>");
        await page.ReloadAsync();
        await AssertInertAsync(page, "ticket");

        // 4. The print view.
        await page.GotoAsync(_host.BaseUrl + $"/dashboard/tickets/{reference}/print");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("<script>window.__xss='script'");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("山田 花子\"><img src=x onerror=alert(1)>");
        await AssertInertAsync(page, "print view");

        // Give anything deferred (an onload, an onerror of a broken image) time to fire.
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(_dialogs);
        Assert.DoesNotContain(_errors, e => e.Contains("__xss", StringComparison.Ordinal));
    }
}
