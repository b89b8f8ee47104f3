using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>A Direct Line user that polls, like directlinejs with webSocket: false.</summary>
public sealed class DirectLinePollingChat(HttpClient http) : IChat
{
    public DirectLineClient Line { get; } = new(http);

    public async Task<IReadOnlyList<Activity>> StartAsync()
    {
        await Line.GetPageTokenAsync();
        await Line.StartAsync();
        return await Line.PollAsync();
    }

    public async Task<IReadOnlyList<Activity>> SendAsync(string text)
    {
        var clientId = Guid.NewGuid().ToString("N");
        var id = await Line.PostAsync(text, clientId);
        var activities = await Line.PollAsync();
        var echo = Assert.Single(activities, a => a.Id == id);
        Assert.Equal(clientId, echo.ClientActivityId);
        return activities.Where(a => a.ReplyToId == id).ToList();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
