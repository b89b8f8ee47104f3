using System.Text.RegularExpressions;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests.Dashboard;

/// <summary>
/// Issue 23, part 5 in a real Chromium: the queue is open, someone files an urgent ticket through
/// the chat API, and the ticket appears in the queue without a reload, the tab's title and the
/// counter say 緊急 1件, and the page rings, all under the desk's CSP (script-src 'self').
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveDeskBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-staple";

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

    [SkippableFact]
    public async Task A_ticket_filed_while_the_queue_is_open_appears_without_a_reload_with_the_title_and_counter_changed()
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Desk:RecheckInterval"] = "00:00:00.500" });
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("tanaka", StaffRoles.Coordinator, Password, CancellationToken.None);
        }

        _context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" });
        var page = await _context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser's own favicon request is no page's doing.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)
                || (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)))
            {
                problems.Add(message.Text + " " + message.Location);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await DeskLogin.SignInAsync(page, _host.BaseUrl + "/dashboard", "tanaka", Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "相談票キュー" })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("相談票キュー – IntakeBot");
        await Assertions.Expect(page.Locator("#count-urgent")).ToHaveTextAsync("緊急 0件");
        await Assertions.Expect(page.Locator("#desk-status")).ToHaveTextAsync("自動更新中", new() { Timeout = 10_000 });
        var sound = page.GetByRole(AriaRole.Button, new() { Name = "音を有効にする" });
        await Assertions.Expect(sound).ToBeVisibleAsync();
        await sound.ClickAsync();
        await Assertions.Expect(sound).ToBeHiddenAsync();
        // A reload would clear this.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        // Someone in crisis writes through the chat API while the page stays open.
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await chat.SendAsync("同意する");
        await chat.SendAsync("もう死にたい");
        var reference = await _host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Key).Select(t => t.ReferenceNumber).SingleAsync());

        var row = page.Locator("table.queue tr", new() { HasText = reference });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("緊急");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "担当する" })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("(1) 緊急 – 相談票キュー – IntakeBot");
        await Assertions.Expect(page.Locator("#count-urgent")).ToHaveTextAsync("緊急 1件");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-urgent-rings", "1");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");

        // The refreshed rows still work: claiming from them is an ordinary form post.
        await row.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard/tickets/" + Regex.Escape(reference) + "$"));
        await page.GotoAsync(_host.BaseUrl + "/dashboard");
        await Assertions.Expect(page).ToHaveTitleAsync("相談票キュー – IntakeBot");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
