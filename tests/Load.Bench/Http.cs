using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntakeBot.Load.Bench;

/// <summary>The client's HTTP plumbing: one connection pool for all users, JSON written straight to UTF-8.</summary>
public static class Http
{
    public static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>Japanese goes out as UTF-8, as browsers and the SDKs send it, not as \u escapes.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static HttpClient CreateClient(int concurrency) => new(new SocketsHttpHandler
    {
        // Every user keeps its connection open between turns, as a reverse proxy would.
        MaxConnectionsPerServer = Math.Max(concurrency * 2, 16),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
    })
    {
        // Each turn has its own deadline (VirtualUser); the client itself never times out.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Builds a JSON body with a reused buffer (one per user; a user has one request at a time).</summary>
    public static ReadOnlyMemoryContent JsonContent(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = Json;
        return content;
    }

    /// <summary>Sends and reads the whole body; a non-2xx answer throws with its status.</summary>
    public static async Task<byte[]> SendAsync(HttpClient client, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpStatusException(response.StatusCode, what);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>The texts of the message activities in an array of activities; the others (typing, events) are skipped.</summary>
    public static BotReply ReadMessages(JsonElement activities, Func<JsonElement, bool>? include = null)
    {
        if (activities.ValueKind != JsonValueKind.Array)
        {
            throw new ProtocolException("activities is not an array");
        }

        var count = 0;
        string? single = null;
        List<string>? many = null;
        foreach (var activity in activities.EnumerateArray())
        {
            if (!activity.TryGetProperty("type", out var type) || !type.ValueEquals("message"u8) || (include is not null && !include(activity)))
            {
                continue;
            }

            count++;
            var text = activity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            if (single is null)
            {
                single = text;
            }
            else
            {
                (many ??= [single]).Add(text);
            }
        }

        return new BotReply(count, many is null ? single ?? string.Empty : string.Join("\n", many));
    }
}
