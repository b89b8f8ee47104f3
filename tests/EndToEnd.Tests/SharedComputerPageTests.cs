using System.Text.RegularExpressions;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests;

/// <summary>
/// SECURITY.md case 21 in a real Chromium: on a shared computer the next person who opens the
/// chat page gets a fresh chat, never the last family's story.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharedComputerPageTests(BrowserFixture browser) : IAsyncLifetime
{
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

    private async Task<WebChatVisitor> OpenAsync()
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync();
        _context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" });
        var visitor = new WebChatVisitor(await _context.NewPageAsync(), _host);
        await visitor.OpenAsync();
        return visitor;
    }

    private static async Task AssertNoneShownAsync(IPage page, params string[] texts)
    {
        var shown = await page.Locator("#webchat").InnerTextAsync();
        foreach (var text in texts)
        {
            Assert.DoesNotContain(text, shown, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task After_an_intake_is_filed_reloading_the_page_shows_a_fresh_chat_with_none_of_the_story()
    {
        var visitor = await OpenAsync();
        await visitor.TypeAllAsync(IntakeScripts.For("本人"));
        await Assertions.Expect(visitor.Page.GetByText(new Regex("受付番号は KN-")).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var filed = visitor.ConversationId;

        // The page forgot the conversation as soon as it was filed; the reference stays on screen until then.
        Assert.Null(await visitor.StoredAsync());

        await visitor.Page.ReloadAsync();
        await visitor.SeeAsync("こんにちは");
        await AssertNoneShownAsync(visitor.Page, "受付番号は", "引き継ぎコード", "療育手帳", "山田 太郎", "神奈川県横浜市", "72歳");
        var stored = await visitor.StoredAsync();
        Assert.NotNull(stored);
        Assert.DoesNotContain(filed!, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", stored, StringComparison.Ordinal);
        Assert.Equal(2, await _host!.DbAsync(db => db.Conversations.CountAsync()));
        Assert.Equal(1, await _host.DbAsync(db => db.Tickets.CountAsync(t => t.ConversationId == filed)));
    }

    [SkippableFact]
    public async Task The_forget_button_clears_the_conversation_from_this_device_and_starts_a_fresh_chat()
    {
        var visitor = await OpenAsync();
        await visitor.TypeAllAsync(["相談を始める", "同意する", "家族・親族です", "親（父・母）"]);
        var first = visitor.ConversationId;
        var before = await _host!.SnapshotAsync(first!);
        var asked = new List<string>();
        visitor.Page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };

        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "この端末から会話を消す" }).ClickAsync();
        await visitor.SeeAsync("こんにちは");
        await Assertions.Expect(visitor.Page.GetByText("家族・親族です")).ToHaveCountAsync(0);

        Assert.Contains("センターに届いた内容は消えません", Assert.Single(asked), StringComparison.Ordinal);
        var stored = await visitor.StoredAsync();
        Assert.NotNull(stored);
        Assert.DoesNotContain(first!, stored, StringComparison.Ordinal);
        // A reload stays on the fresh chat.
        await visitor.Page.ReloadAsync();
        await visitor.SeeAsync("こんにちは");
        await AssertNoneShownAsync(visitor.Page, "家族・親族です", "親（父・母）");
        // Only the device forgot: nothing stored on the server was changed.
        Assert.Equal(before, await _host.SnapshotAsync(first!));
    }
}
