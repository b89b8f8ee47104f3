using IntakeBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests;

/// <summary>The page at / in a real Chromium: the official Web Chat talking to this host's Direct Line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<string> _console = [];
    private BotHost? _host;
    private IBrowserContext? _context;
    private IPage _page = null!;

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

    private async Task OpenAsync(IDictionary<string, string?>? settings = null)
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync(settings: settings);
        _context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            HasTouch = true,
        });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) => _console.Add($"{message.Type}: {message.Text}");
        _page.PageError += (_, error) => _console.Add("pageerror: " + error);
        await _page.GotoAsync(_host.BaseUrl + "/");
    }

    private ILocator SendBox => _page.Locator("[data-id='webchat-sendbox-input']");

    private async Task SeeAsync(string text) =>
        await _page.GetByText(text).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

    private Task<List<StoredText>> UserMessagesAsync() => _host!.DbAsync(async db =>
        (await db.Activities.Where(a => a.FromUser).OrderBy(a => a.Sequence).Select(a => a.Json).ToListAsync())
        .Select(json => new StoredText(Protector.OpenActivity(json).Text ?? string.Empty)).ToList());

    private async Task<string> LastBotTextAsync() => await _host!.DbAsync(async db =>
        Protector.OpenActivity(await db.Activities.Where(a => !a.FromUser).OrderByDescending(a => a.Sequence).Select(a => a.Json).FirstAsync()).Text ?? string.Empty);

    private ConversationProtector Protector => _host!.Services.GetRequiredService<ConversationProtector>();

    private async Task WaitForUserMessagesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await UserMessagesAsync()).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the page did not send message {count}");
            await Task.Delay(100);
        }
    }

    /// <summary>Answers as a person would: presses the button when there is one, else types.</summary>
    private async Task AnswerAsync(string answer)
    {
        var sent = (await UserMessagesAsync()).Count;
        var button = _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = answer, Exact = true }).Filter(new LocatorFilterOptions { Visible = true });
        if (await button.CountAsync() > 0)
        {
            await button.First.ClickAsync();
        }
        else
        {
            await SendBox.FillAsync(answer);
            await SendBox.PressAsync("Enter");
        }

        await WaitForUserMessagesAsync(sent + 1);
        await SeeAsync(FirstLine(await LastBotTextAsync()));
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    [SkippableFact]
    public async Task The_page_shows_the_japanese_welcome_with_buttons_and_breaks_no_content_security_policy_rule()
    {
        await OpenAsync();

        await SeeAsync("こんにちは");
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "相談を始める", Exact = true }).Filter(new LocatorFilterOptions { Visible = true }).First.WaitForAsync();
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "intakebot-welcome.png") });
        Assert.Equal("ja", await _page.GetAttributeAsync("html", "lang"));
        Assert.True(await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "この端末から会話を消す" }).IsVisibleAsync());
        Assert.DoesNotContain(_console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || line.StartsWith("pageerror", StringComparison.Ordinal));
        Assert.Equal(0, await _page.Locator("input[type=file]").CountAsync());
    }

    [SkippableFact]
    public async Task With_the_shipped_sample_profile_the_page_says_so_above_the_chat()
    {
        await OpenAsync();

        await SeeAsync("こんにちは");
        await Assertions.Expect(_page.Locator("#sample-notice")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#sample-notice")).ToContainTextAsync("サンプル設定です");
    }

    [SkippableFact]
    public async Task Once_the_center_is_configured_the_sample_notice_is_gone()
    {
        await OpenAsync(new Dictionary<string, string?>
        {
            ["Center:Name"] = "神奈川県地域生活定着支援センター",
            ["Center:Phone"] = "045-123-4567",
        });

        await SeeAsync("こんにちは");
        await Assertions.Expect(_page.Locator("#sample-notice")).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Clicking_buttons_and_reloading_mid_way_continues_the_same_conversation()
    {
        await OpenAsync();
        await SeeAsync("こんにちは");
        await AnswerAsync("相談を始める");
        await SeeAsync("同意していただけますか");

        await _page.ReloadAsync();
        await SeeAsync("同意していただけますか");
        await AnswerAsync("同意する");

        await SeeAsync("どなたからのご相談ですか");
        Assert.Equal(1, await _host!.DbAsync(db => db.Conversations.CountAsync()));
        Assert.Equal(["相談を始める", "同意する"], (await UserMessagesAsync()).Select(m => m.Text));
    }

    [SkippableFact]
    public async Task The_forget_button_starts_a_second_conversation()
    {
        await OpenAsync();
        await SeeAsync("こんにちは");
        await AnswerAsync("相談を始める");

        _page.Dialog += async (_, dialog) =>
        {
            Assert.Contains("この端末から会話を消して", dialog.Message, StringComparison.Ordinal);
            await dialog.AcceptAsync();
        };
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "この端末から会話を消す" }).ClickAsync();
        await SeeAsync("こんにちは");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await _host!.DbAsync(db => db.Conversations.CountAsync()) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(100);
        }

        Assert.False(await _page.GetByText("同意していただけますか").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task Markup_in_a_users_message_is_shown_as_text_and_never_runs()
    {
        await OpenAsync();
        await SeeAsync("こんにちは");
        const string Attack = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>[link](javascript:window.__xss=3)";

        await SendBox.FillAsync(Attack);
        await SendBox.PressAsync("Enter");
        await WaitForUserMessagesAsync(1);
        await SeeAsync(FirstLine(await LastBotTextAsync()));

        Assert.Null(await _page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await _page.Locator("#webchat img[src='x']").CountAsync());
        Assert.Equal(0, await _page.Locator("#webchat a[href^='javascript']").CountAsync());
    }

    [SkippableFact]
    public async Task Japanese_typed_through_ime_composition_sends_only_the_finished_text()
    {
        await OpenAsync();
        await SeeAsync("こんにちは");
        await SendBox.ClickAsync();
        var cdp = await _context!.NewCDPSessionAsync(_page);

        // Composing: the Enter that confirms a conversion must not send the half-typed text.
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "そうだん", ["selectionStart"] = 4, ["selectionEnd"] = 4 });
        await cdp.SendAsync("Input.dispatchKeyEvent", new Dictionary<string, object>
        {
            ["type"] = "keyDown", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229, ["nativeVirtualKeyCode"] = 229,
        });
        await cdp.SendAsync("Input.dispatchKeyEvent", new Dictionary<string, object>
        {
            ["type"] = "keyUp", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229, ["nativeVirtualKeyCode"] = 229,
        });
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "相談を始める" });
        await Task.Delay(500);
        Assert.Empty(await UserMessagesAsync());

        await SendBox.PressAsync("Enter");

        await WaitForUserMessagesAsync(1);
        await SeeAsync("同意していただけますか");
        Assert.Equal(["相談を始める"], (await UserMessagesAsync()).Select(m => m.Text));
    }

    [SkippableFact]
    public async Task A_full_intake_in_the_browser_with_a_reload_mid_way_ends_with_the_reference_number()
    {
        await OpenAsync();
        await SeeAsync("こんにちは");
        var script = IntakeScripts.For("家族");

        for (var i = 0; i < script.Count; i++)
        {
            if (i == script.Count / 2)
            {
                await _page.ReloadAsync();
                await SeeAsync(FirstLine(await LastBotTextAsync()));
            }

            if (i == script.Count - 1)
            {
                // The review before sending is an Adaptive Card listing every answer.
                var card = _page.Locator(".ac-adaptiveCard").Last;
                await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
                await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "intakebot-review.png"), FullPage = true });
                var facts = await card.InnerTextAsync();
                Assert.Contains("年齢", facts, StringComparison.Ordinal);
                Assert.Contains("45", facts, StringComparison.Ordinal);
                Assert.Contains("川崎市", facts, StringComparison.Ordinal);
                // Markdown characters in answers are escaped for the card and shown as typed.
                Assert.Contains("山田 花子 (はは)", facts, StringComparison.Ordinal);
                Assert.DoesNotContain("\\", facts, StringComparison.Ordinal);
            }

            await AnswerAsync(script[i]);
        }

        await SeeAsync(IntakeScripts.ReferencePrefix);
        Assert.DoesNotContain(_console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || line.StartsWith("pageerror", StringComparison.Ordinal));
        var ticket = await _host!.DbAsync(db => db.Tickets.SingleAsync());
        await SeeAsync(ticket.ReferenceNumber);
    }

    private sealed record StoredText(string Text);
}
