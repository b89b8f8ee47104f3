using System.Text.RegularExpressions;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests.Dashboard;

/// <summary>
/// Issue 23, live handoff, in Debian's Chromium: the official Web Chat as the person and the
/// dashboard as the coordinator, in two browser contexts. Markup in either side's messages must
/// stay text on both screens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HandoffBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-staple";
    private const string RelationQuestion = "とのご関係を教えてください";
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

    private async Task<IPage> NewPageAsync(List<string> violations)
    {
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        // Any markup that ran would set this.
        await page.AddInitScriptAsync("window.__xss = 0;");
        return page;
    }

    private static ILocator Activities(IPage chat) => chat.Locator(".webchat__basic-transcript__activity");

    private static async Task SendAsync(IPage chat, string text)
    {
        var input = chat.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    [SkippableFact]
    public async Task A_coordinator_takes_over_the_web_chat_two_messages_each_way_and_the_bot_resumes_at_the_same_question()
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync();
        var violations = new List<string>();

        // The person, in the official Web Chat, asks for a person at the relation question.
        var chat = await NewPageAsync(violations);
        var visitor = new WebChatVisitor(chat, _host);
        await visitor.OpenAsync();
        await visitor.TypeAllAsync(["相談したい", "同意します", "家族です", "人と話したい", "090-1234-5678"]);
        await Assertions.Expect(chat.GetByText(new Regex(RelationQuestion)).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var reference = await _host.DbAsync(db => db.Tickets.Select(t => t.ReferenceNumber).SingleAsync());

        // The coordinator logs in, takes the ticket and joins the chat.
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("tanaka", StaffRoles.Coordinator, Password, CancellationToken.None);
        }

        var desk = await NewPageAsync(violations);
        await DeskLogin.SignInAsync(desk, _host.BaseUrl + "/dashboard/tickets/" + reference, "tanaka", Password);
        await desk.GotoAsync(_host.BaseUrl + "/dashboard/tickets/" + reference);
        await desk.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        var panel = desk.Locator("#live-chat");
        await Assertions.Expect(panel.Locator(".chat-log")).ToContainTextAsync("人と話したい", new() { Timeout = 20_000 });
        await panel.GetByRole(AriaRole.Button, new() { Name = "チャットに参加" }).ClickAsync();
        await Assertions.Expect(chat.GetByText("相談員（tanaka）がつながりました").Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(panel.Locator(".chat-status")).ToContainTextAsync("あなたがチャット中です");

        // Two messages from the coordinator; markup in them is text in Web Chat.
        var box = panel.Locator("textarea[name='message']");
        foreach (var text in new[] { "<img src=x onerror=\"window.__xss=1\">担当の田中です", "ご家族のことを教えてください" })
        {
            await box.FillAsync(text);
            await panel.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
            await Assertions.Expect(chat.GetByText(text).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }

        await Assertions.Expect(panel.Locator(".chat-log li.coordinator")).ToHaveCountAsync(2);

        // Two messages from the person: they reach the panel as they arrive, and the bot says nothing.
        await chat.Locator("[data-id='webchat-sendbox-input']").PressSequentiallyAsync("はは", new() { Delay = 150 });
        await Assertions.Expect(panel.Locator(".chat-typing")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await chat.Locator("[data-id='webchat-sendbox-input']").FillAsync(string.Empty);
        var before = await Activities(chat).CountAsync();
        foreach (var text in new[] { "<script>window.__xss=1</script><b>母</b>のことです", "よろしくお願いします" })
        {
            await SendAsync(chat, text);
            await Assertions.Expect(panel.Locator(".chat-log li.user").Last).ToHaveTextAsync(new Regex(Regex.Escape(text) + "$"), new() { Timeout = 20_000 });
        }

        await chat.WaitForTimeoutAsync(1500);
        Assert.Equal(before + 2, await Activities(chat).CountAsync());

        // The coordinator types: Web Chat shows the indicator.
        await box.PressSequentiallyAsync("お返事", new() { Delay = 100 });
        await Assertions.Expect(chat.Locator(".webchat__typing-indicator")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await box.FillAsync(string.Empty);

        // Back to the bot: it asks the question the person was on, and goes on from the answer.
        await panel.GetByRole(AriaRole.Button, new() { Name = "ボットに戻す" }).ClickAsync();
        await Assertions.Expect(chat.GetByText(new Regex("続きをお聞きします")).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(panel.Locator(".chat-status")).ToContainTextAsync("ボットが応対しています");
        var relationAsked = await chat.GetByText(new Regex(RelationQuestion)).CountAsync();
        await SendAsync(chat, "母です");
        await Assertions.Expect(panel.Locator(".chat-log li.user").Last).ToHaveTextAsync(new Regex("母です$"), new() { Timeout = 20_000 });
        await Assertions.Expect(panel.Locator(".chat-log li.bot").Last).Not.ToContainTextAsync(RelationQuestion, new() { Timeout = 20_000 });
        Assert.Equal(relationAsked, await chat.GetByText(new Regex(RelationQuestion)).CountAsync());

        // Nothing ran, on either screen, and the policy was never broken.
        Assert.Equal(0, await chat.EvaluateAsync<int>("() => window.__xss"));
        Assert.Equal(0, await desk.EvaluateAsync<int>("() => window.__xss"));
        Assert.Equal(0, await panel.Locator(".chat-log img, .chat-log script, .chat-log b").CountAsync());
        Assert.Empty(violations);

        // The print view lists the conversation with the coordinator's name.
        await desk.GotoAsync(_host.BaseUrl + "/dashboard/tickets/" + reference + "/print");
        await Assertions.Expect(desk.Locator("ol.transcript")).ToContainTextAsync("相談員（tanaka）");
        await Assertions.Expect(desk.Locator("ol.transcript")).ToContainTextAsync("<script>window.__xss=1</script><b>母</b>のことです");
        Assert.Equal(0, await desk.EvaluateAsync<int>("() => window.__xss"));
    }
}
