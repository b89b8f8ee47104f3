using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntakeBot.EndToEnd.Tests.Support;

/// <summary>
/// Someone using the chat page at / in the official Web Chat: types each answer as a person
/// would and waits until the host has stored it and the bot's answer is on the screen.
/// </summary>
public sealed class WebChatVisitor(IPage page, BotHost host)
{
    /// <summary>Where the page keeps its conversation and resume key (bot/wwwroot/chat.js).</summary>
    public const string StorageKey = "intakebot.webchat";

    public IPage Page => page;

    private ILocator SendBox => page.Locator("[data-id='webchat-sendbox-input']");

    public async Task OpenAsync()
    {
        await page.GotoAsync(host.BaseUrl + "/");
        await SeeAsync("こんにちは");
    }

    public async Task SeeAsync(string text) =>
        await page.GetByText(text).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

    /// <summary>The conversation on the screen, as the page last stored it (after filing it stores none).</summary>
    public string? ConversationId { get; private set; }

    public async Task TypeAsync(string answer)
    {
        if (await StoredAsync() is { } stored)
        {
            ConversationId = (string?)System.Text.Json.Nodes.JsonNode.Parse(stored)?["conversationId"];
        }

        var sent = await UserMessageCountAsync();
        await SendBox.FillAsync(answer);
        await SendBox.PressAsync("Enter");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await UserMessageCountAsync() <= sent)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the page did not send 「{answer}」");
            await Task.Delay(100);
        }

        await SeeAsync((await LastBotTextAsync()).Split('\n')[0]);
    }

    public async Task TypeAllAsync(IEnumerable<string> answers)
    {
        foreach (var answer in answers)
        {
            await TypeAsync(answer);
        }
    }

    /// <summary>What the page keeps in localStorage, or null.</summary>
    public Task<string?> StoredAsync() =>
        page.EvaluateAsync<string?>($"() => window.localStorage.getItem('{StorageKey}')");

    private Task<int> UserMessageCountAsync() => host.DbAsync(db => db.Activities.CountAsync(a => a.FromUser));

    private async Task<string> LastBotTextAsync()
    {
        var protector = host.Services.GetRequiredService<ConversationProtector>();
        var json = await host.DbAsync(db => db.Activities.Where(a => !a.FromUser && a.ConversationId == ConversationId).OrderByDescending(a => a.Sequence).Select(a => a.Json).FirstAsync());
        return protector.OpenActivity(json).Text ?? string.Empty;
    }
}
