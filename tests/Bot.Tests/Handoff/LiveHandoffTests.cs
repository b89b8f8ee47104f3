using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Handoff;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Handoff;

/// <summary>Issue 23 part 1: a coordinator takes over a conversation from the desk and gives it back.</summary>
public sealed class LiveHandoffTests : IAsyncLifetime
{
    private const string RelationQuestion = "とのご関係を教えてください";
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A Direct Line user at the relation question with a handoff ticket filed (and a phone given for it).</summary>
    private async Task<(DirectLinePollingChat Chat, string Reference)> HandoffOverDirectLineAsync()
    {
        var chat = new DirectLinePollingChat(_host.Client);
        await chat.StartAsync();
        foreach (var text in new[] { "相談したい", "同意します", "家族です", "人と話したい", "０９０－１２３４－５６７８" })
        {
            await chat.SendAsync(text);
        }

        var reference = await _host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Line.ConversationId).Select(t => t.ReferenceNumber).SingleAsync());
        return (chat, reference);
    }

    private async Task<StaffSession> OwnerAsync(string reference, string name = "tanaka")
    {
        await _host.AddStaffAsync(name);
        var session = await StaffSession.LoginAsync(_host, name);
        using var claim = await session.PostJsonAsync($"api/tickets/{reference}/claim");
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        return session;
    }

    private Task<int> AuditAsync(string user, string action, string outcome) =>
        _host.DbAsync(db => db.AuditLog.CountAsync(a => a.UserName == user && a.Action == action && a.Outcome == outcome));

    [Fact]
    public async Task A_coordinator_joins_writes_and_hands_back_and_the_bot_resumes_at_the_same_question()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);

        using (var join = await tanaka.PostJsonAsync($"api/tickets/{reference}/join"))
        {
            Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        }

        var joined = await chat.Line.PollAsync();
        Assert.Contains(joined, a => a.Text?.Contains("相談員（tanaka）がつながりました", StringComparison.Ordinal) == true);

        const string marker = "コーディネーター固有マーカー7F3A";
        using (var sent = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "こんにちは。" + marker }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var fromCoordinator = Assert.Single(await chat.Line.PollAsync());
        Assert.Equal(ActivityTypes.Message, fromCoordinator.Type);
        Assert.Equal("tanaka", fromCoordinator.From!.Name);
        Assert.Equal("bot", fromCoordinator.From.Role);
        Assert.Equal(DeskTurns.DeskAccountId, fromCoordinator.From.Id);
        Assert.EndsWith(marker, fromCoordinator.Text);

        // Human mode: the person's messages reach the coordinator and the bot says nothing.
        Assert.Empty(await chat.SendAsync("母です"));
        Assert.Empty(await chat.SendAsync("よろしくおねがいします"));

        var ticket = await tanaka.Client.GetFromJsonAsync<JsonElement>($"api/tickets/{reference}");
        var messages = ticket.GetProperty("messages").EnumerateArray().Select(m => (From: m.GetProperty("from").GetString(), Text: m.GetProperty("text").GetString())).ToList();
        Assert.Contains(("user", "母です"), messages);
        Assert.Contains(messages, m => m.From == "coordinator" && m.Text!.EndsWith(marker, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.From == "bot");
        Assert.Equal("tanaka", ticket.GetProperty("chat").GetProperty("coordinator").GetString());

        using (var back = await tanaka.PostJsonAsync($"api/tickets/{reference}/handback"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        var resumed = string.Join("\n", (await chat.Line.PollAsync()).Select(a => a.Text));
        Assert.Contains("続きをお聞きします", resumed);
        Assert.Contains(RelationQuestion, resumed);
        var next = string.Join("\n", (await chat.SendAsync("母です")).Select(a => a.Text));
        Assert.DoesNotContain(RelationQuestion, next);
        Assert.NotEmpty(next);

        Assert.Equal(1, await AuditAsync("tanaka", "chat-join", "ok"));
        Assert.Equal(1, await AuditAsync("tanaka", "chat-message", "ok"));
        Assert.Equal(1, await AuditAsync("tanaka", "chat-handback", "ok"));
        Assert.Equal(0, await _host.DbAsync(db => db.AuditLog.CountAsync(a => a.Detail != null && a.Detail.Contains(marker))));
        // Stored like every activity: sealed, so the marker is nowhere in the database files.
        Assert.DoesNotContain(marker, Encoding.UTF8.GetString(await _host.StoredBytesAsync()));
    }

    [Fact]
    public async Task Two_coordinators_cannot_both_write_and_an_admin_waits_for_the_handback_too()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);
        await _host.AddStaffAsync("boss", StaffRoles.Admin);
        using var boss = await StaffSession.LoginAsync(_host, "boss");
        using (var first = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "田中です" }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var before = await chat.Line.PollAsync();

        foreach (var (path, body) in new (string, object)[] { ("messages", new { text = "割り込み" }), ("join", new { }) })
        {
            using var refused = await boss.PostJsonAsync($"api/tickets/{reference}/{path}", body);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("相談員（tanaka）がチャット中です", error.GetProperty("error").GetProperty("message").GetString());
        }

        Assert.Empty(await chat.Line.PollAsync());
        Assert.Equal(2, await AuditAsync("boss", "chat-message", "conflict") + await AuditAsync("boss", "chat-join", "conflict"));

        // An admin may end an abandoned chat (and then write).
        using (var back = await boss.PostJsonAsync($"api/tickets/{reference}/handback"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        using var after = await boss.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "管理者です" });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        using var late = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "戻りました" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.NotEmpty(before);
    }

    [Fact]
    public async Task Parallel_joins_of_two_admins_have_one_winner()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        await _host.AddStaffAsync("boss1", StaffRoles.Admin);
        await _host.AddStaffAsync("boss2", StaffRoles.Admin);
        using var one = await StaffSession.LoginAsync(_host, "boss1");
        using var two = await StaffSession.LoginAsync(_host, "boss2");

        var results = await Task.WhenAll(
            one.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "一人目" }),
            two.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "二人目" }));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        var shown = await chat.Line.PollAsync();
        Assert.Single(shown, a => a.From?.Id == DeskTurns.DeskAccountId);
        Assert.Single(shown, a => a.Text?.Contains("がつながりました", StringComparison.Ordinal) == true);
        foreach (var r in results)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task A_coordinator_without_access_gets_403_and_an_audit_row()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);
        await _host.AddStaffAsync("suzuki");
        using var suzuki = await StaffSession.LoginAsync(_host, "suzuki");

        foreach (var (path, action) in new[] { ("messages", "chat-message"), ("join", "chat-join"), ("handback", "chat-handback"), ("typing", "chat-typing") })
        {
            using var response = await suzuki.PostJsonAsync($"api/tickets/{reference}/{path}", new { text = "横取り" });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(1, await AuditAsync("suzuki", action, "denied"));
        }

        foreach (var path in new[] { $"api/tickets/{reference}/chat", $"dashboard/tickets/{reference}/chat/events" })
        {
            using var response = await suzuki.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(2, await AuditAsync("suzuki", "chat-read", "denied"));
        Assert.Empty(await chat.Line.PollAsync());

        // And without the antiforgery token, even the owner is refused.
        using var forged = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "x" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var foreign = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "x" }, origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Empty(await chat.Line.PollAsync());
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_a_clear_error_and_nothing_is_sent()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);

        using var empty = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "  " });
        using var tooLong = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = new string('あ', 2001) });
        using var noText = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { body = "x" });
        using var handback = await tanaka.PostJsonAsync($"api/tickets/{reference}/handback");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, handback.StatusCode);
        Assert.Empty(await chat.Line.PollAsync());
    }

    [Fact]
    public async Task Typing_shows_both_ways_and_is_never_stored()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);
        using (var join = await tanaka.PostJsonAsync($"api/tickets/{reference}/join"))
        {
            Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        }

        await chat.Line.PollAsync();
        var rowsBefore = await _host.DbAsync(db => db.Activities.CountAsync());

        using (var typed = await chat.Line.PostRawAsync("""{"type":"typing","from":{"id":"x","role":"user"}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        }

        var view = await tanaka.Client.GetFromJsonAsync<JsonElement>($"api/tickets/{reference}/chat");
        Assert.True(view.GetProperty("userTyping").GetBoolean());

        using (var typing = await tanaka.PostJsonAsync($"api/tickets/{reference}/typing"))
        {
            Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        }

        var shown = Assert.Single(await chat.Line.PollAsync());
        Assert.Equal(ActivityTypes.Typing, shown.Type);
        Assert.Equal("tanaka", shown.From!.Name);
        Assert.Equal(rowsBefore, await _host.DbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task The_live_transcript_streams_the_persons_messages_as_server_sent_events()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);
        using var response = await tanaka.Client.GetAsync($"dashboard/tickets/{reference}/chat/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        await chat.SendAsync("<img src=x onerror=alert(1)>ストリーム確認");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? line;
        var seen = false;
        while (!seen && (line = await reader.ReadLineAsync(timeout.Token)) is not null)
        {
            // The text arrives as JSON data, for the page to show with textContent.
            seen = line.StartsWith("data: ", StringComparison.Ordinal)
                   && JsonDocument.Parse(line[6..]).RootElement.TryGetProperty("text", out var text)
                   && text.GetString() == "<img src=x onerror=alert(1)>ストリーム確認";
        }

        Assert.True(seen);
        Assert.True(await AuditAsync("tanaka", "chat-read", "ok") >= 1);
    }

    [Fact]
    public async Task Logging_out_ends_an_open_live_transcript()
    {
        var (_, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);
        using var response = await tanaka.Client.GetAsync($"dashboard/tickets/{reference}/chat/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await reader.ReadLineAsync());

        using (var logout = await tanaka.PostFormAsync("dashboard/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        // The stream notices within its recheck and ends.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await reader.ReadLineAsync(timeout.Token) is not null)
        {
        }

        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task Closing_the_case_returns_the_conversation_to_the_bot()
    {
        var (chat, reference) = await HandoffOverDirectLineAsync();
        using var tanaka = await OwnerAsync(reference);
        using (var sent = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "お話しできました" }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        await chat.Line.PollAsync();

        using var closed = await tanaka.PostJsonAsync($"api/tickets/{reference}/status", new { status = "終了" });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var resumed = string.Join("\n", (await chat.Line.PollAsync()).Select(a => a.Text));
        Assert.Contains(RelationQuestion, resumed);
        Assert.NotEmpty(await chat.SendAsync("母です"));
    }

    [Fact]
    public async Task Over_api_messages_the_coordinators_messages_go_through_the_outbox_to_the_connector()
    {
        var received = new ConcurrentQueue<Activity>();
        await using var connector = await FakeServer.StartAsync(app => app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}",
            async (HttpContext context) =>
            {
                var activity = await context.Request.ReadFromJsonAsync<Activity>(ActivityJson.Options);
                received.Enqueue(activity!);
                return Results.Ok(new { id = activity!.Id });
            }));
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = connector.BaseUrl });
        var chat = new ApiMessagesChat(host.Client, "conv-" + Guid.NewGuid().ToString("N"));
        async Task SendAsync(string text)
        {
            var activity = chat.NewActivity(ActivityTypes.Message, text);
            activity.DeliveryMode = null;
            activity.ServiceUrl = connector.BaseUrl + "/";
            using var response = await host.Client.PostAsJsonAsync("api/messages", activity, ActivityJson.Options);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        async Task<List<Activity>> ArrivedAsync(Func<Activity, bool> until)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!received.Any(until) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var all = received.ToList();
            received.Clear();
            return all;
        }

        foreach (var text in new[] { "相談したい", "同意します", "家族です", "人と話したい", "090-1234-5678" })
        {
            await SendAsync(text);
        }

        await ArrivedAsync(a => a.Text?.Contains(RelationQuestion, StringComparison.Ordinal) == true);
        var reference = await host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Key).Select(t => t.ReferenceNumber).SingleAsync());
        await host.AddStaffAsync("tanaka");
        using var tanaka = await StaffSession.LoginAsync(host, "tanaka");
        using (var claim = await tanaka.PostJsonAsync($"api/tickets/{reference}/claim"))
        {
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        }

        foreach (var text in new[] { "相談員の田中です。", "<script>alert(1)</script>" })
        {
            using var sent = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var desk = await ArrivedAsync(a => a.Text == "<script>alert(1)</script>");
        Assert.Contains(desk, a => a.Text!.Contains("相談員（tanaka）がつながりました", StringComparison.Ordinal));
        var mine = desk.Where(a => a.From?.Id == DeskTurns.DeskAccountId).ToList();
        Assert.Equal(["相談員の田中です。", "<script>alert(1)</script>"], mine.Select(a => a.Text));
        Assert.All(mine, a => Assert.Equal(("tanaka", "bot"), (a.From!.Name, a.From.Role)));
        Assert.All(desk, a => Assert.Equal(chat.ConversationId, a.Conversation!.Id));

        // The person writes: nothing comes back while the coordinator is there.
        await SendAsync("母です");
        await SendAsync("わかりました");
        await Task.Delay(1000);
        Assert.Empty(received);
        var messages = (await tanaka.Client.GetFromJsonAsync<JsonElement>($"api/tickets/{reference}")).GetProperty("messages");
        Assert.Contains(messages.EnumerateArray(), m => m.GetProperty("from").GetString() == "user" && m.GetProperty("text").GetString() == "わかりました");

        using (var back = await tanaka.PostJsonAsync($"api/tickets/{reference}/handback"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        var resumed = await ArrivedAsync(a => a.Text?.Contains(RelationQuestion, StringComparison.Ordinal) == true);
        Assert.Contains(resumed, a => a.Text!.Contains(RelationQuestion, StringComparison.Ordinal));
        await SendAsync("母です");
        var next = await ArrivedAsync(a => a.Text is not null);
        Assert.DoesNotContain(next, a => a.Text!.Contains(RelationQuestion, StringComparison.Ordinal));
        Assert.NotEmpty(next);
        await Task.Delay(300);
        Assert.Equal(0, await host.DbAsync(db => db.OutboundDeliveries.CountAsync()));
    }
}
