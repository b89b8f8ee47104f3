using System.Net;
using System.Net.Http.Json;
using System.Text;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Fuzz;

/// <summary>
/// The server faults the fuzz found, each pinned by one fixed request (the fuzz itself draws new
/// requests every run): every one of these answered 500 before it was fixed.
/// </summary>
public sealed class FuzzRegressionTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<DirectLineClient> StartedLineAsync()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        return line;
    }

    [Theory]
    [InlineData("\uFFFE\uFFFF")]
    [InlineData("\uFDD0")]
    [InlineData("\U0001FFFE")]
    public async Task A_message_with_a_noncharacter_gets_the_normal_answer(string text)
    {
        // NFKC in the conversation core threw on noncharacters (ArgumentException → 500).
        var line = await StartedLineAsync();
        using var response = await line.PostRawAsync($$"""{"type":"message","text":"相談{{text}}を始める"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var body = $$"""{"type":"message","id":"a1","channelId":"test","deliveryMode":"expectReplies","from":{"id":"u1"},"conversation":{"id":"c-{{Guid.NewGuid():N}}"},"text":"x{{text}}"}""";
        using var api = await _host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("a\\udc00b")]
    public async Task A_lone_surrogate_in_JSON_is_malformed_JSON(string escaped)
    {
        var line = await StartedLineAsync();
        using var response = await line.PostRawAsync($$"""{"type":"message","text":"相談{{escaped}}を始める"}""");
        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "MalformedJson");
    }

    [Fact]
    public async Task A_lone_surrogate_inside_channelData_or_value_is_malformed_JSON_too()
    {
        // Kept as JsonElement, these threw only later: reading clientActivityID, or writing the activity back (→ 500).
        var line = await StartedLineAsync();
        using (var response = await line.PostRawAsync("""{"type":"message","text":"はい","channelData":{"clientActivityID":"a\udc00b"}}"""))
        {
            await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "MalformedJson");
        }

        var body = """{"type":"message","id":"a1","channelId":"test","deliveryMode":"expectReplies","from":{"id":"u1"},"conversation":{"id":"c-v"},"text":"はい","value":["\ud800"]}""";
        using var api = await _host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        await ErrorAssert.IsAsync(api, HttpStatusCode.BadRequest, "MalformedJson");
    }

    [Fact]
    public void The_core_replaces_lone_surrogates_and_noncharacters_it_is_given()
    {
        // Callers other than the JSON channels (the terminal chat, a future channel) still never make NFKC throw.
        Assert.Equal("a\uFFFDb\uFFFD\uFFFD", Dialogs.Conversation.UserInput.Message("a\uD800b\uFFFE\uDC00").Text);
        Assert.Equal("相談", Dialogs.Parsing.JapaneseText.Normalize("相談\uD800").TrimEnd('\uFFFD'));
        Assert.Equal("😀", Dialogs.Parsing.JapaneseText.WellFormed("😀"));
    }

    [Fact]
    public async Task A_body_Kestrel_cannot_read_is_a_400_not_a_500()
    {
        // Broken chunk sizes and a body shorter than its Content-Length threw BadHttpRequestException into the 500 handler.
        var sender = new FuzzSender(new Uri(_host.BaseUrl), new Dictionary<FuzzIdentity, HttpClient>());
        foreach (var path in new[] { "api/messages", "api/tickets/KN-2026-000001/notes", "dashboard/login", "v3/directline/tokens/generate" })
        {
            var raw = $"POST /{path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n";
            var result = await sender.SendAsync(new FuzzRequest(0, "raw", HttpMethod.Post, string.Empty, Raw: Encoding.ASCII.GetBytes(raw)));
            Assert.True(result.Status is >= 400 and < 500, $"{path}: {result.Status} {result.Failure}");
        }
    }

    [Fact]
    public async Task Dashboard_and_login_posts_that_are_not_forms_get_415()
    {
        // ReadFormAsync threw InvalidOperationException ("Incorrect Content-Type") → 500.
        await _host.AddStaffAsync("coord");
        var (reference, _) = await DeskFixtures.IntakeAsync(_host);
        using var staff = await StaffSession.LoginAsync(_host, "coord");
        using (var claim = await staff.PostJsonAsync($"dashboard/tickets/{reference}/claim", new { status = "対応中" }))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, claim.StatusCode);
        }

        Assert.Null(await _host.DbAsync(db => db.TicketCases.Where(c => c.Ticket.ReferenceNumber == reference).Select(c => c.OwnerName).SingleAsync()));

        using (var broken = new HttpRequestMessage(HttpMethod.Post, $"dashboard/tickets/{reference}/notes"))
        {
            broken.Content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunterminated", Encoding.UTF8);
            broken.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
            broken.Headers.Add(RequestGuard.HeaderName, await staff.ApiTokenAsync());
            using var response = await staff.Client.SendAsync(broken);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest, response.StatusCode.ToString());
        }

        using var anonymous = StaffSession.Anonymous(_host);
        var token = await anonymous.FormTokenAsync("dashboard/login");
        using var login = new HttpRequestMessage(HttpMethod.Post, "dashboard/login") { Content = JsonContent.Create(new { userName = "coord", password = StaffSession.Password }) };
        login.Headers.Add(RequestGuard.HeaderName, token);
        using var answer = await anonymous.Client.SendAsync(login);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
    }

    [Fact]
    public async Task A_login_name_with_a_NUL_is_a_wrong_login_not_a_500()
    {
        // PostgreSQL refuses NUL in text: looking such a name up threw 22021 → 500.
        using var anonymous = StaffSession.Anonymous(_host);
        var token = await anonymous.FormTokenAsync("dashboard/login");
        using var login = new HttpRequestMessage(HttpMethod.Post, "dashboard/login")
        {
            Content = new MultipartFormDataContent("fzb") { { new StringContent("a\0b; SELECT 1--"), "userName" }, { new StringContent("whatever-it-is"), "password" } },
        };
        login.Headers.Add(RequestGuard.HeaderName, token);
        using var answer = await anonymous.Client.SendAsync(login);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task The_ticket_api_refuses_invalid_UTF8_and_oversized_bodies_with_4xx()
    {
        // JsonElement.GetString threw on invalid UTF-8 (→ 500), and the body was read with no cap.
        await _host.AddStaffAsync("coord");
        var (reference, _) = await DeskFixtures.IntakeAsync(_host);
        using var staff = await StaffSession.LoginAsync(_host, "coord");
        var csrf = await staff.ApiTokenAsync();
        async Task<HttpStatusCode> PostAsync(string action, byte[] body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/tickets/{reference}/{action}") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(RequestGuard.HeaderName, csrf);
            using var response = await staff.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("status", [.. "{\"status\":\"連絡"u8, 0xFF, 0xFE, .. "\"}"u8]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync("notes", Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 70_000) + "\"}")));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("checklist", "{\"id\":\"5\",\"done\":true}"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("claim", []));
        Assert.Equal(HttpStatusCode.Created, await PostAsync("notes", "{\"text\":\"折り返し済み\"}"u8.ToArray()));
    }

    [Theory]
    [InlineData("c-\\u0000-nul", "test")]
    [InlineData("c-\\u001b[31m", "test")]
    [InlineData("c-ok", "chan\\u0007")]
    public async Task Ids_with_control_characters_or_broken_UTF16_are_refused(string conversationId, string channelId)
    {
        // PostgreSQL refuses NUL in text: such an id failed every retry of the turn.
        var body = $$"""{"type":"message","id":"a1","channelId":"{{channelId}}","deliveryMode":"expectReplies","from":{"id":"u1"},"conversation":{"id":"{{conversationId}}"},"text":"こんにちは"}""";
        using var response = await _host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        Assert.Equal(0, await _host.DbAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task Ids_longer_than_their_columns_are_refused_before_a_turn_runs()
    {
        // conversations.Id holds 300 characters and processed ids 256: on PostgreSQL longer ones failed every retry (409).
        var longKey = $$"""{"type":"message","id":"a1","channelId":"{{new string('c', 64)}}","deliveryMode":"expectReplies","from":{"id":"u1"},"conversation":{"id":"{{new string('x', 250)}}"},"text":"こんにちは"}""";
        using (var response = await _host.Client.PostAsync("api/messages", new StringContent(longKey, Encoding.UTF8, "application/json")))
        {
            await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        }

        var line = await StartedLineAsync();
        using (var tooLong = await line.PostRawAsync($$$"""{"type":"message","text":"はい","channelData":{"clientActivityID":"{{{new string('k', 250)}}}"}}"""))
        {
            await ErrorAssert.IsAsync(tooLong, HttpStatusCode.BadRequest, "BadArgument");
        }

        Assert.NotEmpty(await line.PostAsync("相談を始める", new string('k', 249)));
    }
}
