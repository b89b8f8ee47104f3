using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Staff;

/// <summary>
/// A browser-like staff client of the dashboard: its own cookie jar, no automatic redirects (so
/// tests see 302s), and helpers that take the antiforgery token from the page as a browser would.
/// </summary>
public sealed partial class StaffSession : IDisposable
{
    public const string Password = "correct-horse-battery-staple";

    private StaffSession(BotHost host)
    {
        Host = host;
        Cookies = new CookieContainer();
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(host.BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public BotHost Host { get; }
    public CookieContainer Cookies { get; }
    public HttpClient Client { get; }
    public string? Name { get; private set; }

    public static StaffSession Anonymous(BotHost host) => new(host);

    public static async Task<StaffSession> LoginAsync(BotHost host, string name, string password = Password)
    {
        var session = new StaffSession(host);
        using var response = await session.TryLoginAsync(name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public string? SessionCookie => Cookies.GetCookies(Client.BaseAddress!)[StaffSetup.CookieName]?.Value;

    public async Task<HttpResponseMessage> TryLoginAsync(string name, string password)
    {
        var token = await FormTokenAsync("dashboard/login");
        Name = name;
        return await Client.PostAsync("dashboard/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = name,
            ["password"] = password,
            [RequestGuard.FormFieldName] = token,
        }));
    }

    /// <summary>The antiforgery token of the form on <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(string path = "dashboard")
    {
        var html = await Client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery field on " + path);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string>? fields = null, bool withToken = true, string? origin = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (withToken)
        {
            values[RequestGuard.FormFieldName] = await FormTokenAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Client.SendAsync(request);
    }

    public async Task<string> ApiTokenAsync()
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("api/antiforgery");
        return body.GetProperty("token").GetString()!;
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string path, object? body = null, bool withToken = true, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (withToken)
        {
            request.Headers.Add(RequestGuard.HeaderName, await ApiTokenAsync());
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Client.SendAsync(request);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Staff accounts and tickets made for a test, straight through the host's services.</summary>
public static partial class DeskFixtures
{
    public static async Task AddStaffAsync(this BotHost host, string name, string role = StaffRoles.Coordinator, string password = StaffSession.Password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(name, role, password, CancellationToken.None);
    }

    /// <summary>
    /// A finished intake (as a relative unless told) over /api/messages, and its reference number.
    /// </summary>
    public static async Task<(string Reference, string ConversationKey)> IntakeAsync(BotHost host, string? name = null, string? details = null, string role = "家族")
    {
        var script = IntakeScripts.For(role).ToList();
        if (name is not null)
        {
            // 本人 gives the reading of their name after it.
            script[role == "本人" ? script.Count - 5 : script.Count - 4] = name;
        }

        if (details is not null)
        {
            script[script.IndexOf(IntakeScripts.DetailsAnswer(role))] = details;
        }

        var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        var texts = await IntakeScripts.RunAsync(chat, script);
        var found = ReferencePattern().Match(string.Join("\n", texts));
        Assert.True(found.Success, "the intake should end with a reference number");
        return (found.Value, chat.Key);
    }

    [GeneratedRegex("[A-Z]+-[0-9]{4}-[0-9]{6}")]
    public static partial Regex ReferencePattern();
}
