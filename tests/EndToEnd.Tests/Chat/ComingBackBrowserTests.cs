using System.Text.RegularExpressions;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests.Chat;

/// <summary>
/// Issue 23 part 4 in a real Chromium with the official Web Chat: the 引き継ぎコード shown after
/// 送信 brings a person back to their case from a fresh browser (another device), where they can
/// add to the ticket but never see the earlier answers; a wrong code gets nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ComingBackBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private BotHost? _host;

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

    /// <summary>A browser of its own: nothing of another context's storage or cookies.</summary>
    private async Task<WebChatVisitor> FreshBrowserAsync()
    {
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" });
        _contexts.Add(context);
        var visitor = new WebChatVisitor(await context.NewPageAsync(), _host!);
        await visitor.OpenAsync();
        return visitor;
    }

    [SkippableFact]
    public async Task The_number_and_code_from_one_browser_bring_a_fresh_browser_back_to_the_case()
    {
        RequiredTools.RequireChromium();
        _host = await BotHost.StartAsync();
        var first = await FreshBrowserAsync();
        await first.TypeAllAsync(IntakeScripts.For("家族"));
        var done = first.Page.GetByText(new Regex("引き継ぎコードは")).Last;
        await Assertions.Expect(done).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var shown = await first.Page.Locator("#webchat").InnerTextAsync();
        var reference = ReferenceShown().Match(shown).Value;
        var code = CodeShown().Match(shown).Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.NotEmpty(code);

        var wrong = await FreshBrowserAsync();
        await wrong.TypeAsync($"{reference} ZZZZ-9999");
        await wrong.SeeAsync("受付番号かコードが違います");

        var other = await FreshBrowserAsync();
        // Typed as a person would: lower case, full-width, without the hyphen.
        await other.TypeAsync($"受付番号 {reference.ToLowerInvariant()} コード {ToFullWidth(code.Replace("-", string.Empty, StringComparison.Ordinal))}");
        await other.SeeAsync($"受付番号 {reference} のご相談につながりました");
        await other.TypeAsync("母の入所先が決まりました");
        await other.SeeAsync("相談票に書き加えました");

        var page = await other.Page.Locator("#webchat").InnerTextAsync();
        foreach (var earlier in new[] { "山田", "横浜拘置支所", "精神障がい" })
        {
            Assert.DoesNotContain(earlier, page, StringComparison.Ordinal);
        }

        var ticketId = await _host.DbAsync(db => db.Tickets.Where(t => t.ReferenceNumber == reference).Select(t => t.Id).SingleAsync());
        Assert.Equal(1, await _host.DbAsync(db => db.TicketAddenda.CountAsync(a => a.TicketId == ticketId)));
    }

    private static string ToFullWidth(string text) =>
        new(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());

    [GeneratedRegex(@"KN-\d{4}-\d{6}")]
    private static partial Regex ReferenceShown();

    [GeneratedRegex(@"引き継ぎコードは ([0-9A-Z]{4}-[0-9A-Z]{4}) です")]
    private static partial Regex CodeShown();
}
