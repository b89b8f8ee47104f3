using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IntakeBot.Load.Bench;

/// <summary>
/// The bench's one coordinator at the desk, shared by every human-mode conversation: an admin
/// account (so it may write on any ticket without claiming it), logged in once through the
/// /dashboard/login form like a browser, with its own cookie jar, and the antiforgery token of
/// that session (GET /api/antiforgery) on every POST as X-CSRF-TOKEN.
/// </summary>
public sealed partial class BenchCoordinator : IDisposable
{
    private readonly HttpClient _client;
    private string _csrf = string.Empty;

    private BenchCoordinator(Uri baseUrl, int connections)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = Math.Max(connections, 4),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = baseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string UserName { get; private set; } = string.Empty;

    /// <summary>The name the person sees on the coordinator's messages (from.name); read from the desk's first answer.</summary>
    public string? DisplayName { get; private set; }

    public static async Task<BenchCoordinator> LoginAsync(Uri baseUrl, string userName, string password, int connections, CancellationToken cancellationToken)
    {
        var desk = new BenchCoordinator(baseUrl, connections) { UserName = userName };
        try
        {
            var page = await desk._client.GetStringAsync("dashboard/login", cancellationToken);
            var token = FormToken().Match(page) is { Success: true } m
                ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException("The login page has no antiforgery field.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName,
                ["password"] = password,
                ["__csrf"] = token,
            });
            using (var login = await desk._client.PostAsync("dashboard/login", form, cancellationToken))
            {
                if (login.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"The desk login of {userName} answered HTTP {(int)login.StatusCode}, not a redirect.");
                }
            }

            using var antiforgery = JsonDocument.Parse(await desk._client.GetStringAsync("api/antiforgery", cancellationToken));
            desk._csrf = antiforgery.RootElement.GetProperty("token").GetString()
                ?? throw new InvalidOperationException("GET /api/antiforgery gave no token.");
            return desk;
        }
        catch
        {
            desk.Dispose();
            throw;
        }
    }

    /// <summary>POST /api/tickets/{reference}/messages (the first one joins the chat: human mode); 201 expected.</summary>
    public async Task SendAsync(string reference, string text, CancellationToken cancellationToken)
    {
        var body = await PostAsync($"api/tickets/{Uri.EscapeDataString(reference)}/messages", JsonSerializer.Serialize(new { text }), HttpStatusCode.Created, "POST messages", cancellationToken);
        using var view = JsonDocument.Parse(body);
        if (DisplayName is null && view.RootElement.TryGetProperty("coordinator", out var name) && name.ValueKind == JsonValueKind.String)
        {
            DisplayName = name.GetString();
        }
    }

    /// <summary>POST /api/tickets/{reference}/handback: the bot takes the conversation back.</summary>
    public Task HandbackAsync(string reference, CancellationToken cancellationToken) =>
        PostAsync($"api/tickets/{Uri.EscapeDataString(reference)}/handback", "{}", HttpStatusCode.OK, "POST handback", cancellationToken);

    /// <summary>GET /api/tickets/{reference}: the texts of the person's messages in the live conversation.</summary>
    public async Task<List<string>> UserMessagesAsync(string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/tickets/{Uri.EscapeDataString(reference)}");
        using var ticket = JsonDocument.Parse(await Http.SendAsync(_client, request, "GET ticket", cancellationToken));
        if (!ticket.RootElement.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            throw new ProtocolException("the ticket has no messages");
        }

        return [.. messages.EnumerateArray()
            .Where(m => m.TryGetProperty("from", out var from) && from.ValueEquals("user"u8))
            .Select(m => m.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty)];
    }

    private async Task<byte[]> PostAsync(string path, string json, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-TOKEN", _csrf);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new HttpStatusException(response.StatusCode, what);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
