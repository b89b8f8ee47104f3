using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>
/// SECURITY.md case 18: the bot posts replies only to a serviceUrl that a validated token vouched
/// for or that Bot:AllowedServiceUrls lists. Any other serviceUrl, here a real listener on
/// loopback that records every request it gets, receives nothing.
/// </summary>
public sealed class ServiceUrlDeliveryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _victimRequests = new();
    private readonly ConcurrentQueue<string> _allowedRequests = new();
    private FakeServer _victim = null!;
    private FakeServer _allowed = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _victim = await FakeServer.StartAsync(app => app.Map("{**path}", (HttpContext context) =>
        {
            _victimRequests.Enqueue(context.Request.Method + " " + context.Request.Path);
            return Results.Ok(new { id = "x" });
        }));
        _allowed = await FakeServer.StartAsync(app => app.Map("{**path}", (HttpContext context) =>
        {
            _allowedRequests.Enqueue(context.Request.Method + " " + context.Request.Path);
            return Results.Ok(new { id = "x" });
        }));
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = _allowed.BaseUrl + "/" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _victim.DisposeAsync();
        await _allowed.DisposeAsync();
    }

    [Fact]
    public async Task An_activity_naming_an_unvouched_service_url_is_refused_and_nothing_is_posted_there_or_stored()
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        var activity = chat.NewActivity(ActivityTypes.Message, "死にたい");
        activity.DeliveryMode = null;
        activity.ServiceUrl = _victim.BaseUrl + "/";
        var before = await _host.SnapshotAsync(chat.Key);

        using var response = await _host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);

        await ErrorAssert.IsAsync(response, HttpStatusCode.Forbidden, "ServiceUrlNotAllowed");
        Assert.Equal(before, await _host.SnapshotAsync(chat.Key));
        Assert.Equal(0, await _host.DbAsync(db => db.OutboundDeliveries.CountAsync()));
        Assert.Equal(0, await _host.DbAsync(db => db.Tickets.CountAsync(t => t.ConversationId == chat.Key)));
        // The delivery loop wakes at least every 2 s.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(_victimRequests);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("neither vouched for by a token nor in Bot:AllowedServiceUrls", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(chat.ConversationId, StringComparison.Ordinal) && l.Contains("serviceUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_expect_replies_the_replies_come_in_the_response_and_nothing_goes_to_the_service_url()
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        var activity = chat.NewActivity(ActivityTypes.Message, "相談を始める");
        activity.ServiceUrl = _victim.BaseUrl + "/";

        using var response = await _host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.Content.ReadFromJsonAsync<ExpectedReplies>(ActivityJson.Options))!.Activities);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(_victimRequests);
    }

    [Fact]
    public async Task An_allow_listed_service_url_gets_the_replies()
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        var activity = chat.NewActivity(ActivityTypes.Message, "相談を始める");
        activity.DeliveryMode = null;
        activity.ServiceUrl = _allowed.BaseUrl + "/";

        using var response = await _host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var expected = await _host.DbAsync(db => db.Activities.CountAsync(a => a.ConversationId == chat.Key && !a.FromUser));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_allowedRequests.Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, _allowedRequests.Count);
        Assert.Empty(_victimRequests);
    }

    [Fact]
    public async Task Replies_queued_for_an_unvouched_service_url_before_the_check_existed_are_dropped_not_posted()
    {
        // What an earlier version queued for an activity's serviceUrl, whatever it was.
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        var last = await _host.DbAsync(db => db.Activities.Where(a => a.ConversationId == chat.Key).MaxAsync(a => a.Sequence));
        await _host.DbAsync(async db =>
        {
            db.OutboundDeliveries.Add(new OutboundDelivery
            {
                ConversationId = chat.Key,
                ExternalConversationId = chat.ConversationId,
                ServiceUrl = _victim.BaseUrl + "/",
                FirstSequence = 1,
                LastSequence = last,
                NextAttemptAt = DateTimeOffset.UtcNow,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await _host.DbAsync(db => db.OutboundDeliveries.CountAsync()) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await _host.DbAsync(db => db.OutboundDeliveries.CountAsync()));
        Assert.Empty(_victimRequests);
    }
}
