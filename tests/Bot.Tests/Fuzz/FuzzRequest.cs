using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IntakeBot.Bot.Tests.Fuzz;

/// <summary>Whose connection a request goes out on.</summary>
public enum FuzzIdentity
{
    /// <summary>No cookies (cookies, if any, are in the request's own headers).</summary>
    Anonymous,

    /// <summary>The logged-in coordinator the fuzz plays (their session cookie and antiforgery cookie).</summary>
    Staff,

    /// <summary>A browser on the login page: the antiforgery cookie, no session.</summary>
    LoginPage,
}

/// <summary>One generated request; <see cref="Index"/> and the run's seed regenerate it.</summary>
public sealed record FuzzRequest(
    int Index,
    string Target,
    HttpMethod Method,
    string Path,
    FuzzIdentity Identity = FuzzIdentity.Anonymous,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    byte[]? Body = null,
    string? ContentType = null,
    bool Chunked = false,
    byte[]? Raw = null)
{
    /// <summary>
    /// A huge body, broken HTTP, or a header with bytes outside ASCII (Kestrel refuses it at the
    /// protocol level): the server answers 4xx and closes at once, and when the client is still
    /// sending, the reset can swallow that answer, so the client may see none.
    /// </summary>
    public bool MayDropConnection =>
        Raw is not null || (Body?.Length ?? 0) > 60_000 || (Headers ?? []).Any(h => h.Value.Any(c => c > 0x7E));

    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append('#').Append(Index).Append(" [").Append(Target).Append("] ");
        if (Raw is not null)
        {
            return sb.Append("raw: ").Append(Excerpt(Raw)).ToString();
        }

        sb.Append(Method).Append(' ').Append(Excerpt(Encoding.UTF8.GetBytes(Path))).Append(" as ").Append(Identity);
        foreach (var (name, value) in Headers ?? [])
        {
            sb.Append("\n    ").Append(name).Append(": ").Append(Excerpt(Encoding.UTF8.GetBytes(value)));
        }

        if (Body is not null)
        {
            sb.Append("\n    body (").Append(Body.Length).Append(" bytes").Append(Chunked ? ", chunked" : string.Empty)
                .Append(", ").Append(ContentType ?? "no content type").Append("): ").Append(Excerpt(Body));
        }

        return sb.ToString();
    }

    private static string Excerpt(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return escaped + (bytes.Length > 300 ? "…" : string.Empty);
    }
}

/// <summary>What came back: a status code, or no answer (<see cref="Status"/> 0) with why.</summary>
public sealed record FuzzResult(FuzzRequest Request, int Status, string? Failure, string? BodyExcerpt);

/// <summary>Sends fuzz requests over plain HTTP clients (and raw sockets for broken HTTP), never throwing.</summary>
public sealed class FuzzSender(Uri baseAddress, IReadOnlyDictionary<FuzzIdentity, HttpClient> clients)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(25);

    /// <summary>A client that keeps no cookies and sends header values as UTF-8 bytes, as a hostile client may.</summary>
    public static HttpClient NewClient(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AllowAutoRedirect = false,
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseAddress,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    public async Task<FuzzResult> SendAsync(FuzzRequest request)
    {
        if (request.Raw is { } raw)
        {
            return await SendRawAsync(request, raw);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative));
            if (request.MayDropConnection)
            {
                // Kestrel may close the connection after refusing such a request; it must not go
                // back to the pool, where the next, ordinary request would find it closed.
                message.Headers.ConnectionClose = true;
            }

            if (request.Body is { } body)
            {
                message.Content = request.Chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
                message.Content.Headers.Remove("Content-Type");
                if (request.ContentType is { } type)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                }
            }

            foreach (var (name, given) in request.Headers ?? [])
            {
                // Line breaks and NUL inside a header are the raw-socket cases' job (HttpClient refuses to send them).
                var value = given.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\0", string.Empty, StringComparison.Ordinal);
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = await clients[request.Identity].SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ExcerptAsync(response, timeout.Token);
            return new FuzzResult(request, (int)response.StatusCode, null, excerpt);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new FuzzResult(request, 0, "no answer within " + Timeout.TotalSeconds + " s", null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new FuzzResult(request, 0, ex.GetType().Name + ": " + (ex.InnerException?.Message ?? ex.Message), null);
        }
        catch (Exception ex) when (ex is UriFormatException or InvalidOperationException or ArgumentException or FormatException)
        {
            // The generator made something this client cannot send: a fault of the test, reported as such.
            return new FuzzResult(request, NotSent, "not sent: " + ex.GetType().Name + ": " + ex.Message, null);
        }
    }

    /// <summary>The status of a request the client could not send (a generator bug, never accepted).</summary>
    public const int NotSent = -1;

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[2048];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "(body cut off: " + ex.GetType().Name + ")";
        }
    }

    /// <summary>Writes bytes straight to a socket (what no HTTP client would send) and reads the status line, if any.</summary>
    private async Task<FuzzResult> SendRawAsync(FuzzRequest request, byte[] raw)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, baseAddress.Port, timeout.Token);
            await socket.SendAsync(raw, SocketFlags.None, timeout.Token);
            // No half-close: Kestrel takes a FIN for an aborted connection and sends nothing back.
            // Read until the server closes, or until it has answered and then gone quiet.
            var buffer = new byte[4096];
            var read = 0;
            while (read < buffer.Length)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                if (read > 0)
                {
                    idle.CancelAfter(TimeSpan.FromMilliseconds(300));
                }

                int n;
                try
                {
                    n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, idle.Token);
                }
                catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
                {
                    break;
                }

                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var text = Encoding.ASCII.GetString(buffer, 0, read);
            // The status of the first answer on the connection (a pipelined second one counts too, below).
            var statuses = System.Text.RegularExpressions.Regex.Matches(text, @"HTTP/1\.[01] (\d{3})").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return statuses.Count == 0
                ? new FuzzResult(request, 0, "closed without an answer", null)
                : new FuzzResult(request, statuses.Max(), null, text.Length > 300 ? text[..300] : text);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            return new FuzzResult(request, 0, "raw: " + ex.GetType().Name, null);
        }
    }

    /// <summary>A body of unknown length: sent chunked, so the server cannot reject it by its Content-Length.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 16 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
