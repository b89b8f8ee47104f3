using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests;

/// <summary>
/// The pictures in README.md, taken from the real pages: the chat on a phone, the coordinators'
/// queue with tickets in it, and a coordinator answering in the same chat. Every run checks that
/// the pages render what a newcomer should see; with <c>INTAKEBOT_SCREENSHOTS</c> set to a folder (docs/images) it also
/// saves them there, which is how the README's pictures are made.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadmeScreenshotsTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-staple";
    private BotHost? _host;
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static string? Folder => Environment.GetEnvironmentVariable("INTAKEBOT_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Folder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
        }
    }

    [SkippableFact]
    public async Task The_chat_on_a_phone_and_the_queue_on_a_desk_show_what_the_readme_promises()
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync();

        // Two people filed before: their tickets fill the queue.
        foreach (var (role, id) in new[] { ("家族", "readme-family"), ("弁護士", "readme-lawyer") })
        {
            var chat = new ApiMessagesChat(_host.Client, id);
            await chat.StartAsync();
            await IntakeScripts.RunAsync(chat, IntakeScripts.For(role));
        }

        var phone = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            HasTouch = true,
            IsMobile = true,
        });
        _contexts.Add(phone);
        var visitor = new WebChatVisitor(await phone.NewPageAsync(), _host);
        await visitor.OpenAsync();
        await visitor.TypeAllAsync(["相談を始める", "同意します", "母です"]);
        await visitor.SeeAsync("年齢");
        await SaveAsync(visitor.Page, "chat-phone.png");

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("tanaka", StaffRoles.Coordinator, Password, CancellationToken.None);
        }

        var desk = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
        });
        _contexts.Add(desk);
        var page = await desk.NewPageAsync();
        await DeskLogin.SignInAsync(page, _host.BaseUrl + "/dashboard", "tanaka", Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "相談票キュー" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "山田 花子" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "佐藤 一郎" })).ToBeVisibleAsync();
        await SaveAsync(page, "desk-queue.png");
    }

    [SkippableFact]
    public async Task The_live_chat_on_the_phone_and_on_the_desk_shows_what_the_readme_promises()
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync();
        var phone = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            HasTouch = true,
            IsMobile = true,
        });
        _contexts.Add(phone);
        var visitor = new WebChatVisitor(await phone.NewPageAsync(), _host);
        await visitor.OpenAsync();
        await visitor.TypeAllAsync(["相談したい", "同意します", "母のことです", "人と話したい", "090-1234-5678"]);
        await visitor.SeeAsync("引き継ぎコード");
        var reference = await _host.DbAsync(db => db.Tickets.Select(t => t.ReferenceNumber).SingleAsync());

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("tanaka", StaffRoles.Coordinator, Password, CancellationToken.None);
        }

        var desk = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _contexts.Add(desk);
        var page = await desk.NewPageAsync();
        await DeskLogin.SignInAsync(page, _host.BaseUrl + "/dashboard/tickets/" + reference, "tanaka", Password);
        await page.GotoAsync(_host.BaseUrl + "/dashboard/tickets/" + reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        var panel = page.Locator("#live-chat");
        await panel.GetByRole(AriaRole.Button, new() { Name = "チャットに参加" }).ClickAsync();
        await visitor.SeeAsync("相談員（tanaka）がつながりました");
        await panel.Locator("textarea[name='message']").FillAsync("相談員の田中です。お母さまは今どちらにいらっしゃいますか？");
        await panel.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
        await visitor.SeeAsync("お母さまは今どちらに");
        var input = visitor.Page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync("横浜の拘置所にいます。来月裁判です");
        await input.PressAsync("Enter");
        await Assertions.Expect(panel.Locator(".chat-log li.user").Last).ToContainTextAsync("来月裁判です", new() { Timeout = 20_000 });
        await SaveAsync(visitor.Page, "handoff-phone.png");
        await panel.ScrollIntoViewIfNeededAsync();
        await SaveAsync(page, "handoff-desk.png");
    }
}
