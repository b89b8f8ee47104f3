using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Channels.BotFramework;
using IntakeBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>
/// SECURITY.md case 1: with an app id configured, /api/messages takes only Bot Connector JWTs
/// signed by a key from the OpenID metadata (served here by a local stand-in with locally made
/// RSA keys), for the right issuer and audience, unexpired, and for the activity's serviceUrl.
/// </summary>
public sealed class BotConnectorAuthTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Issuer = "https://api.botframework.com";
    private const string ServiceUrl = "https://smba.trafficmanager.net/jp/";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "known-key" };
    private readonly RsaSecurityKey _strangerKey = new(RSA.Create(2048)) { KeyId = "unknown-key" };
    private FakeServer _metadata = null!;
    private BotHost _host = null!;

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
            app.MapGet("/keys", () => Results.Json(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } },
            }));
        });
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:OpenIdMetadataUrl"] = _metadata.BaseUrl + "/.well-known/openidconfiguration",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    private string Token(
        string issuer = Issuer, string audience = AppId, TimeSpan? expiresIn = null, string serviceUrl = ServiceUrl, RsaSecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires.AddHours(-1),
            IssuedAt = expires.AddHours(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, string conversationId)
    {
        var activity = new ApiMessagesChat(_host.Client, conversationId).NewActivity(ActivityTypes.Message, "相談を始める");
        activity.ServiceUrl = ServiceUrl;
        activity.ChannelId = "test";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity, options: ActivityJson.Options) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _host.Client.SendAsync(request);
    }

    private static string Unsigned()
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = AppId,
            ["exp"] = exp,
            ["serviceurl"] = ServiceUrl,
        })));
        return $"{header}.{payload}.";
    }

    public static IEnumerable<object[]> Rejected =>
    [
        ["no token", HttpStatusCode.Unauthorized],
        ["alg none", HttpStatusCode.Unauthorized],
        ["wrong issuer", HttpStatusCode.Unauthorized],
        ["wrong audience", HttpStatusCode.Unauthorized],
        ["expired beyond the 5 minute skew", HttpStatusCode.Unauthorized],
        ["unknown key id", HttpStatusCode.Unauthorized],
        ["serviceUrl claim differs from the activity", HttpStatusCode.Forbidden],
    ];

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task A_request_without_a_valid_bot_connector_token_is_refused_and_runs_no_turn(string attack, HttpStatusCode expected)
    {
        var token = attack switch
        {
            "no token" => null,
            "alg none" => Unsigned(),
            "wrong issuer" => Token(issuer: "https://evil.example"),
            "wrong audience" => Token(audience: "another-bot"),
            "expired beyond the 5 minute skew" => Token(expiresIn: TimeSpan.FromMinutes(-6)),
            "unknown key id" => Token(key: _strangerKey),
            "serviceUrl claim differs from the activity" => Token(serviceUrl: "https://evil.example/"),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
        var conversationId = Guid.NewGuid().ToString("N");

        using var response = await PostAsync(token, conversationId);

        await ErrorAssert.IsAsync(response, expected, null);
        Assert.Equal(0, await _host.DbAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task A_valid_token_runs_the_turn()
    {
        using var response = await PostAsync(Token(), Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await response.Content.ReadFromJsonAsync<ExpectedReplies>(ActivityJson.Options);
        Assert.NotEmpty(replies!.Activities);
    }

    [Fact]
    public async Task A_token_expired_within_the_5_minute_skew_is_still_accepted()
    {
        using var response = await PostAsync(Token(expiresIn: TimeSpan.FromMinutes(-2)), Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.5", false, false)]
    [InlineData("10.0.0.8", false, false)]
    [InlineData("127.0.0.1", true, false)]
    [InlineData("::1", true, false)]
    [InlineData("127.0.0.1", false, true)]
    public async Task Without_an_app_id_only_loopback_callers_that_were_not_forwarded_by_a_proxy_are_let_in(string address, bool allowed, bool forwarded)
    {
        var authenticator = new BotConnectorAuthenticator(Options.Create(new BotFrameworkOptions()), NullLogger<BotConnectorAuthenticator>.Instance);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (forwarded)
        {
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.5";
        }

        var result = await authenticator.AuthenticateAsync(context);

        Assert.Equal(allowed, result.Allowed);
        if (!allowed)
        {
            Assert.Equal(StatusCodes.Status403Forbidden, result.StatusCode);
        }
    }
}
