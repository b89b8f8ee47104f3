using System.Net;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.Channels.Line;

/// <summary>
/// One LINE user talking to the bot through the fake platform: follow, then each answer either
/// tapped (when the last message's quick reply has an item for it: its message action's text is
/// sent, as the LINE app does) or typed. The bot's messages are what LINE accepted for this user.
/// </summary>
public sealed class LineChat(FakeLinePlatform platform, HttpClient bot, bool tapQuickReplies = true) : IChat
{
    private int _seen;

    public string UserId { get; } = "U" + Guid.NewGuid().ToString("N");

    public int Taps { get; private set; }

    /// <summary>The quick reply items of the bot's last message: (label, text).</summary>
    public IReadOnlyList<(string Label, string Text)> QuickReplies { get; private set; } = [];

    public async Task<IReadOnlyList<Activity>> StartAsync() =>
        await SendEventAsync(platform.Event("follow", UserId));

    public Task<IReadOnlyList<Activity>> SendAsync(string text)
    {
        var item = tapQuickReplies
            ? QuickReplies.FirstOrDefault(q => q.Text == text || q.Label == text)
            : default;
        if (item.Text is not null)
        {
            Taps++;
            text = item.Text;
        }

        return SendEventAsync(platform.TextEvent(UserId, text));
    }

    public async Task<IReadOnlyList<Activity>> SendEventAsync(JsonObject e)
    {
        using var response = await FakeLinePlatform.PostAsync(bot, e);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await NextMessagesAsync();
    }

    /// <summary>The messages delivered since the last call: waits for the first, then until none came for a moment.</summary>
    public async Task<IReadOnlyList<Activity>> NextMessagesAsync()
    {
        await FakeLinePlatform.WaitForAsync(() => platform.DeliveredTo(UserId).Count > _seen, "the bot's answer over LINE");
        var count = -1;
        while (platform.DeliveredTo(UserId).Count != count)
        {
            count = platform.DeliveredTo(UserId).Count;
            await Task.Delay(300);
        }

        var fresh = platform.DeliveredTo(UserId).Skip(_seen).ToList();
        _seen += fresh.Count;
        if (fresh.LastOrDefault(m => m["quickReply"] is not null) is { } last && ReferenceEquals(last, fresh[^1]))
        {
            QuickReplies = [.. last["quickReply"]!["items"]!.AsArray().Select(i => (i!["action"]!["label"]!.GetValue<string>(), i["action"]!["text"]!.GetValue<string>()))];
        }
        else
        {
            QuickReplies = [];
        }

        return [.. fresh.Select(m => new Activity { Type = ActivityTypes.Message, Text = m["text"]?.GetValue<string>() })];
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
