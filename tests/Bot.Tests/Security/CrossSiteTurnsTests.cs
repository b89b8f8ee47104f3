using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>
/// SECURITY.md case 17: without an app id, /api/messages trusts loopback callers, and a web page
/// in a browser on the bot's machine is one. What such a page can send (a simple text/plain or
/// form POST, a JSON POST carrying its foreign Origin or Sec-Fetch-Site, a request to a host name
/// it controls resolved to 127.0.0.1) is refused with a JSON error, and nothing is stored.
/// </summary>
public sealed class CrossSiteTurnsTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static IEnumerable<object?[]> BrowserShaped =>
    [
        // content type, Origin, Sec-Fetch-Site, Host, expected status, expected code
        ["text/plain;charset=UTF-8", "https://evil.example", "cross-site", null, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType"],
        ["text/plain", null, null, null, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType"],
        ["application/x-www-form-urlencoded", null, null, null, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType"],
        ["multipart/form-data; boundary=x", null, null, null, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType"],
        [null, null, null, null, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType"],
        ["application/json; charset=utf-16", null, null, null, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType"],
        ["application/json", "https://evil.example", null, null, HttpStatusCode.Forbidden, "CrossSiteRequest"],
        ["application/json", "null", null, null, HttpStatusCode.Forbidden, "CrossSiteRequest"],
        ["application/json", "http://localhost:1", null, null, HttpStatusCode.Forbidden, "CrossSiteRequest"],
        ["application/json", null, "cross-site", null, HttpStatusCode.Forbidden, "CrossSiteRequest"],
        ["application/json", null, "same-site", null, HttpStatusCode.Forbidden, "CrossSiteRequest"],
        ["application/json", null, null, "evil.example", HttpStatusCode.BadRequest, "HostNotAllowed"],
        ["application/json", "http://evil.example", "same-origin", "evil.example", HttpStatusCode.BadRequest, "HostNotAllowed"],
    ];

    [Theory]
    [MemberData(nameof(BrowserShaped))]
    public async Task A_request_a_web_page_could_send_runs_no_turn_and_stores_nothing(
        string? contentType, string? origin, string? fetchSite, string? host, HttpStatusCode status, string code)
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        // A crisis message files an urgent ticket at once, before any consent.
        var json = JsonSerializer.Serialize(chat.NewActivity(ActivityTypes.Message, "死にたい"), ActivityJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        var before = await _host.SnapshotAsync(chat.Key);
        var ticketsBefore = await _host.DbAsync(db => db.Tickets.CountAsync());

        using var response = await _host.Client.SendAsync(request);

        await ErrorAssert.IsAsync(response, status, code);
        Assert.Equal(before, await _host.SnapshotAsync(chat.Key));
        Assert.Equal(ticketsBefore, await _host.DbAsync(db => db.Tickets.CountAsync()));
        Assert.False(await _host.DbAsync(db => db.Conversations.AnyAsync(c => c.Id == chat.Key)));
    }

    [Theory]
    [InlineData("application/json", null, null)]
    [InlineData("application/json; charset=utf-8", null, null)]
    [InlineData("Application/JSON;charset=UTF-8", "same-origin", true)]
    [InlineData("application/json", "none", false)]
    public async Task A_local_tool_or_the_bots_own_origin_still_runs_turns(string contentType, string? fetchSite, bool? sameOrigin)
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        var json = JsonSerializer.Serialize(chat.NewActivity(ActivityTypes.Message, "死にたい"), ActivityJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (sameOrigin == true)
        {
            request.Headers.Add("Origin", _host.BaseUrl);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ActivityJson.Options);
        Assert.NotEmpty(replies!.Activities);
        Assert.Equal(1, await _host.DbAsync(db => db.Tickets.CountAsync(t => t.ConversationId == chat.Key)));
    }

    [Fact]
    public async Task Other_pages_of_the_host_also_refuse_a_foreign_host_name()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "dashboard/login");
        request.Headers.Host = "evil.example";

        using var response = await _host.Client.SendAsync(request);

        await ErrorAssert.IsAsync(response, HttpStatusCode.BadRequest, "HostNotAllowed");
    }
}
