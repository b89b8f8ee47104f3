using System.Net;
using System.Net.Http.Json;
using System.Text;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.ApiMessages;

public sealed class ApiMessagesTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ApiMessagesChat NewChat() => new(_host.Client, Guid.NewGuid().ToString("N"));

    [Theory]
    [MemberData(nameof(IntakeScripts.Roles), MemberType = typeof(IntakeScripts))]
    public async Task A_full_intake_through_api_messages_with_expect_replies_ends_with_a_reference_number_and_one_ticket(string role)
    {
        var chat = NewChat();
        await chat.StartAsync();

        var texts = await IntakeScripts.RunAsync(chat, IntakeScripts.For(role));

        Assert.Contains(texts, t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
        var tickets = await _host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Key).ToListAsync());
        var ticket = Assert.Single(tickets);
        Assert.Matches(@"^KN-\d{4}-\d{6}$", ticket.ReferenceNumber);
        Assert.Contains(texts, t => t.Contains(ticket.ReferenceNumber, StringComparison.Ordinal));
        Assert.Equal("新規", ticket.Status);
    }

    [Fact]
    public async Task A_conversation_update_that_adds_the_user_gets_the_welcome_with_buttons()
    {
        var welcome = await NewChat().StartAsync();

        Assert.NotEmpty(welcome);
        Assert.Contains(welcome, a => a.Text!.Contains("こんにちは", StringComparison.Ordinal));
        var menu = welcome[^1];
        Assert.Contains(menu.SuggestedActions!.Actions, a => a.Value == "相談を始める");
    }

    [Fact]
    public async Task Replies_are_plain_japanese_messages_from_the_bot_with_im_back_buttons_addressed_to_the_user()
    {
        var chat = NewChat();
        await chat.StartAsync();
        var replies = await chat.SendAsync("相談を始める");

        foreach (var reply in replies)
        {
            Assert.Equal("message", reply.Type);
            Assert.Equal("plain", reply.TextFormat);
            Assert.Equal("ja-JP", reply.Locale);
            Assert.Equal("bot", reply.From!.Role);
            Assert.Equal(chat.ConversationId, reply.Conversation!.Id);
            Assert.NotNull(reply.Timestamp);
            Assert.False(string.IsNullOrEmpty(reply.Id));
        }

        var consent = replies[^1];
        Assert.Equal([chat.UserId], consent.SuggestedActions!.To);
        Assert.All(consent.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
        Assert.Contains(consent.SuggestedActions.Actions, a => a.Title == "同意する" && a.Value == "同意する");
    }

    [Fact]
    public async Task The_same_activity_id_posted_twice_runs_one_turn_and_returns_the_same_replies()
    {
        var chat = NewChat();
        await chat.StartAsync();
        var activity = chat.NewActivity(ActivityTypes.Message, "相談を始める");

        var first = await chat.PostAsync(activity);
        var before = await _host.SnapshotAsync(chat.Key);
        var second = await chat.PostAsync(activity);

        Assert.Equal(first.Select(a => a.Id), second.Select(a => a.Id));
        Assert.Equal(first.Select(a => a.Text), second.Select(a => a.Text));
        Assert.Equal(before, await _host.SnapshotAsync(chat.Key));
    }

    [Fact]
    public async Task A_typing_activity_is_ignored()
    {
        var chat = NewChat();
        await chat.StartAsync();
        var before = await _host.SnapshotAsync(chat.Key);

        var replies = await chat.PostAsync(chat.NewActivity(ActivityTypes.Typing));

        Assert.Empty(replies);
        Assert.Equal(before, await _host.SnapshotAsync(chat.Key));
    }

    [Fact]
    public async Task Text_over_2000_characters_is_a_400_and_nothing_is_stored()
    {
        var chat = NewChat();
        await chat.StartAsync();
        var before = await _host.SnapshotAsync(chat.Key);

        using var response = await _host.Client.PostAsJsonAsync("api/messages", chat.NewActivity(ActivityTypes.Message, new string('あ', 2001)), ActivityJson.Options);

        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "TextTooLong");
        Assert.Equal(before, await _host.SnapshotAsync(chat.Key));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_with_a_json_error(string body)
    {
        using var response = await _host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, null);
        Assert.Equal(0, await _host.DbAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task An_activity_without_a_conversation_is_a_400()
    {
        var activity = NewChat().NewActivity(ActivityTypes.Message, "こんにちは");
        activity.Conversation = null;

        using var response = await _host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);

        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task A_body_just_under_the_limit_sent_in_chunks_is_read_whole()
    {
        var chat = NewChat();
        var activity = chat.NewActivity(ActivityTypes.ConversationUpdate, null);
        activity.MembersAdded = [new ChannelAccount { Id = activity.From!.Id }];
        activity.Name = new string('x', 60_000);

        // PostAsJsonAsync streams the body without a Content-Length: read in growing pieces.
        using var response = await _host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _host.DbAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task A_huge_body_is_a_413_and_nothing_is_stored()
    {
        var chat = NewChat();
        var activity = chat.NewActivity(ActivityTypes.Message, "x");
        activity.Name = new string('x', 100_000);

        using var response = await _host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);

        await ErrorAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge, "TooLarge");
        Assert.Equal(0, await _host.DbAsync(db => db.Conversations.CountAsync()));
    }
}
