using System.Net;
using System.Net.Http.Json;
using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>A Bot Framework client of /api/messages with deliveryMode expectReplies (as skills and test tools use it).</summary>
public sealed class ApiMessagesChat(HttpClient client, string conversationId) : IChat
{
    private int _next;

    public string ConversationId { get; } = conversationId;
    public string UserId { get; } = "user-" + conversationId;
    public string Key => $"bf:test:{ConversationId}";

    public Activity NewActivity(string type, string? text = null) => new()
    {
        Type = type,
        Id = $"act-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}",
        ChannelId = "test",
        ServiceUrl = "http://127.0.0.1:1/",
        DeliveryMode = DeliveryModes.ExpectReplies,
        From = new ChannelAccount { Id = UserId, Name = "テスト", Role = "user" },
        Recipient = new ChannelAccount { Id = "intakebot", Role = "bot" },
        Conversation = new ConversationAccount { Id = ConversationId },
        Text = text,
        Locale = "ja-JP",
    };

    public async Task<IReadOnlyList<Activity>> StartAsync()
    {
        var update = NewActivity(ActivityTypes.ConversationUpdate);
        update.MembersAdded = [new ChannelAccount { Id = UserId }];
        return await PostAsync(update);
    }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => PostAsync(NewActivity(ActivityTypes.Message, text));

    public async Task<IReadOnlyList<Activity>> PostAsync(Activity activity)
    {
        using var response = await client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ActivityJson.Options);
        return body!.Activities;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
