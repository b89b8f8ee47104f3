using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests;

/// <summary>
/// The two pictures in README.md, taken from the real pages: the chat on a phone and the
/// coordinators' queue with tickets in it. Every run checks that both pages render what a
/// newcomer should see; with <c>INTAKEBOT_SCREENSHOTS</c> set to a folder (docs/images) it also
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
        await page.GotoAsync(_host.BaseUrl + "/dashboard");
        await page.Locator("input[name='userName']").FillAsync("tanaka");
        await page.Locator("input[name='password']").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "相談票キュー" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "山田 花子" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "佐藤 一郎" })).ToBeVisibleAsync();
        await SaveAsync(page, "desk-queue.png");
    }
}
