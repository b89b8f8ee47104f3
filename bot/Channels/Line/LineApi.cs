using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// The Messaging API calls the bot makes, over a typed HttpClient (no SDK): reply, push with
/// <c>X-Line-Retry-Key</c>, and the loading animation. The access token goes only into the
/// Authorization header; the client's request logging is off (see LineSetup).
/// </summary>
public sealed class LineApi(HttpClient http, IOptions<LineOptions> options, TimeProvider clock)
{
    public const string RetryKeyHeader = "X-Line-Retry-Key";

    public Task<LineApiResult> ReplyAsync(string replyToken, IReadOnlyList<JsonObject> messages, CancellationToken cancellationToken) =>
        PostAsync("v2/bot/message/reply", new JsonObject { ["replyToken"] = replyToken, ["messages"] = Array(messages) }, null, cancellationToken);

    public Task<LineApiResult> PushAsync(string userId, IReadOnlyList<JsonObject> messages, Guid retryKey, CancellationToken cancellationToken) =>
        PostAsync("v2/bot/message/push", new JsonObject { ["to"] = userId, ["messages"] = Array(messages) }, retryKey, cancellationToken);

    /// <summary>LINE's 「読み込み中」 animation in the user's chat, until the next message or the seconds pass (5 to 60, by 5).</summary>
    public Task<LineApiResult> StartLoadingAsync(string userId, int seconds, CancellationToken cancellationToken) =>
        PostAsync("v2/bot/chat/loading/start", new JsonObject { ["chatId"] = userId, ["loadingSeconds"] = seconds }, null, cancellationToken);

    private static JsonArray Array(IReadOnlyList<JsonObject> messages) =>
        new([.. messages.Select(m => (JsonNode)m.DeepClone())]);

    private async Task<LineApiResult> PostAsync(string path, JsonObject body, Guid? retryKey, CancellationToken cancellationToken)
    {
        var line = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(line.ApiBaseUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", line.ChannelAccessToken);
        if (retryKey is { } key)
        {
            request.Headers.Add(RetryKeyHeader, key.ToString("D"));
        }

        request.Content = new StringContent(body.ToJsonString(LineMessageRenderer.JsonOptions), System.Text.Encoding.UTF8, "application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(line.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return new LineApiResult((int)response.StatusCode, RetryAfter(response, clock.GetUtcNow()), MessageOf(text));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new LineApiResult(0, null, ex.GetType().Name);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        return header.Date is { } date ? date - now : null;
    }

    // LINE's errors are {"message": "..."}; only that field is kept (it never holds the token).
    private static string? MessageOf(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject o && o["message"] is JsonValue v && v.TryGetValue<string>(out var m) ? m : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
