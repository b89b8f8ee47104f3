using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.ApiMessages;

/// <summary>Without expectReplies, /api/messages answers 202 and posts the replies to the serviceUrl after the commit.</summary>
public sealed class ReplyDeliveryTests
{
    [Fact]
    public async Task Replies_are_posted_to_the_service_url_as_replies_to_the_users_activity_once_each()
    {
        var received = new ConcurrentQueue<(string Path, Activity Activity)>();
        var failOnce = 1;
        await using var connector = await FakeServer.StartAsync(app => app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}",
            async (HttpContext context) =>
            {
                // The first post fails: the delivery must retry it, and not post anything twice.
                if (Interlocked.Exchange(ref failOnce, 0) == 1)
                {
                    return Results.StatusCode(503);
                }

                var activity = await context.Request.ReadFromJsonAsync<Activity>(ActivityJson.Options);
                received.Enqueue((context.Request.Path.Value!, activity!));
                return Results.Ok(new { id = activity!.Id });
            }));
        // Without an app id no token vouches for a serviceUrl: the stand-in connector is allow-listed.
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = connector.BaseUrl });
        var chat = new ApiMessagesChat(host.Client, "conv-" + Guid.NewGuid().ToString("N"));
        var activity = chat.NewActivity(ActivityTypes.Message, "相談を始める");
        activity.DeliveryMode = null;
        activity.ServiceUrl = connector.BaseUrl + "/";

        using var response = await host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var expected = await host.DbAsync(db => db.Activities.CountAsync(a => a.ConversationId == chat.Key && !a.FromUser));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received.Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, received.Count);
        Assert.All(received, r =>
        {
            Assert.Equal($"/v3/conversations/{chat.ConversationId}/activities/{Uri.EscapeDataString(activity.Id!)}", r.Path);
            Assert.Equal(activity.Id, r.Activity.ReplyToId);
            Assert.Equal("bot", r.Activity.From!.Role);
        });
        Assert.Equal(received.Count, received.Select(r => r.Activity.Id).Distinct().Count());
        await Task.Delay(500);
        Assert.Equal(0, await host.DbAsync(db => db.OutboundDeliveries.CountAsync()));
    }
}
