using IntakeBot.Bot.Handoff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Handoff;

/// <summary>Issue 23 part 2: within the hours the desk rings; when nobody joins in time the bot says so.</summary>
public sealed class HandoffWaitTests
{
    // A Wednesday, 10:00 in Japan.
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9));

    private static Dictionary<string, string?> Hours() => new()
    {
        ["Center:Hours:Days:0"] = "Monday",
        ["Center:Hours:Days:1"] = "Tuesday",
        ["Center:Hours:Days:2"] = "Wednesday",
        ["Center:Hours:Days:3"] = "Thursday",
        ["Center:Hours:Days:4"] = "Friday",
        ["Center:Hours:From"] = "09:00",
        ["Center:Hours:To"] = "17:00",
        ["Center:HandoffWaitMinutes"] = "5",
    };

    [Fact]
    public async Task Nobody_joining_within_the_wait_makes_the_bot_say_so_give_the_hours_and_ask_how_to_reach_the_person()
    {
        var clock = new FixedClock(Wednesday);
        await using var host = await BotHost.StartAsync(settings: Hours(), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var chat = new DirectLinePollingChat(host.Client);
        await chat.StartAsync();
        foreach (var text in new[] { "相談したい", "同意します", "家族です" })
        {
            await chat.SendAsync(text);
        }

        var called = string.Join("\n", (await chat.SendAsync("人と話したい")).Select(a => a.Text));
        Assert.Contains("相談員を呼んでいます", called);
        Assert.DoesNotContain("連絡します", called);

        // The desk sees who waits, from the stored column (a restart keeps it).
        var bell = host.Services.GetRequiredService<PeopleWaiting>().NextAsync();
        var waits = host.Services.GetRequiredService<HandoffWaits>();
        await waits.CheckAsync(CancellationToken.None);
        Assert.True(bell.IsCompleted);
        var waiting = Assert.Single(await host.Services.GetRequiredService<DeskTurns>().WaitingAsync(CancellationToken.None));
        Assert.Equal(chat.Line.ConversationId, waiting.ConversationId);
        Assert.NotNull(waiting.Reference);

        clock.Advance(TimeSpan.FromMinutes(4));
        await waits.CheckAsync(CancellationToken.None);
        Assert.Empty(await chat.Line.PollAsync());

        clock.Advance(TimeSpan.FromMinutes(2));
        await waits.CheckAsync(CancellationToken.None);
        var told = string.Join("\n", (await chat.Line.PollAsync()).Select(a => a.Text));
        Assert.Contains("相談員がチャットに出られません", told);
        Assert.Contains("平日 9:00〜17:00", told);
        Assert.Contains("電話番号かメールアドレス", told);
        Assert.Equal(0, await host.DbAsync(db => db.Conversations.CountAsync(c => c.WaitingForPersonSince != null)));

        // Told once, however often the check runs.
        await waits.CheckAsync(CancellationToken.None);
        Assert.Empty(await chat.Line.PollAsync());
    }

    [Fact]
    public async Task Outside_the_hours_nobody_is_called_and_the_desk_does_not_ring()
    {
        var clock = new FixedClock(Wednesday.AddHours(10));
        await using var host = await BotHost.StartAsync(settings: Hours(), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var chat = new DirectLinePollingChat(host.Client);
        await chat.StartAsync();
        foreach (var text in new[] { "相談したい", "同意します", "家族です" })
        {
            await chat.SendAsync(text);
        }

        var told = string.Join("\n", (await chat.SendAsync("ひとと話したい")).Select(a => a.Text));

        Assert.Contains("時間外", told);
        Assert.DoesNotContain("呼んでいます", told);
        Assert.Empty(await host.Services.GetRequiredService<DeskTurns>().WaitingAsync(CancellationToken.None));
    }
}
