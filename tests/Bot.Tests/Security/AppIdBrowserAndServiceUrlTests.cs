using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>
/// SECURITY.md cases 17 and 18 with an app id configured: a valid Bot Connector token vouches
/// for its serviceUrl claim, so replies go there; a browser-shaped request is refused even with a
/// valid token (the Bot Connector never sends one).
/// </summary>
public sealed class AppIdBrowserAndServiceUrlTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Issuer = "https://api.botframework.com";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "known-key" };
    private readonly ConcurrentQueue<string> _connectorRequests = new();
    private FakeServer _metadata = null!;
    private FakeServer _connector = null!;
    private BotHost _host = null!;

    private string ServiceUrl => _connector.BaseUrl + "/";

    public async Task InitializeAsync()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        _metadata = await FakeServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openidconfiguration", (HttpContext context) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            app.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } }));
        });
        _connector = await FakeServer.StartAsync(app => app.Map("{**path}", (HttpContext context) =>
        {
            _connectorRequests.Enqueue(context.Request.Path.Value!);
            return Results.Ok(new { id = "x" });
        }));
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:OpenIdMetadataUrl"] = _metadata.BaseUrl + "/.well-known/openidconfiguration",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    private string Token()
    {
        var expires = DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = expires.AddHours(-1),
            IssuedAt = expires.AddHours(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private HttpRequestMessage Request(ApiMessagesChat chat, string text)
    {
        var activity = chat.NewActivity(ActivityTypes.Message, text);
        activity.ServiceUrl = ServiceUrl;
        activity.DeliveryMode = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity, options: ActivityJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        return request;
    }

    [Fact]
    public async Task The_service_url_a_valid_token_vouches_for_gets_the_replies()
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        using var request = Request(chat, "相談を始める");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var expected = await _host.DbAsync(db => db.Activities.CountAsync(a => a.ConversationId == chat.Key && !a.FromUser));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_connectorRequests.Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(expected > 0);
        Assert.Equal(expected, _connectorRequests.Count);
    }

    [Theory]
    [InlineData("text/plain", null)]
    [InlineData("application/json", "https://evil.example")]
    public async Task A_browser_shaped_request_is_refused_even_with_a_valid_token(string contentType, string? origin)
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        using var request = Request(chat, "死にたい");
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.True((int)response.StatusCode is >= 400 and < 500);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await _host.DbAsync(db => db.Conversations.AnyAsync(c => c.Id == chat.Key)));
        Assert.Equal(0, await _host.DbAsync(db => db.Tickets.CountAsync(t => t.ConversationId == chat.Key)));
    }
}
