using System.Net.WebSockets;
using System.Text.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Turns;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>
/// One WebSocket stream of a conversation: the backlog after the client's watermark, then every
/// committed activity as <c>{"activities":[…],"watermark":"N"}</c>, pushed when the commit
/// signals (<see cref="ConversationSignals"/>), not found by polling. The client sends nothing
/// but empty-string pings; any other frame (text, binary, oversize) closes the socket, and
/// nothing the client sent is echoed back. A socket with no frame either way for
/// <see cref="DirectLineOptions.StreamIdleTimeout"/> is closed (directlinejs reconnects), and
/// open sockets are counted per conversation and per client address, so a cap can refuse more.
/// </summary>
public sealed partial class DirectLineStream(
    ActivityFeed feed,
    ConversationSignals signals,
    IOptions<DirectLineOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<DirectLineStream> logger)
{
    private const int MaxIncomingFrame = 1024;

    /// <summary>With several instances a commit elsewhere wakes no one here: re-read this often.</summary>
    private static readonly TimeSpan SharedDatabaseRecheck = TimeSpan.FromSeconds(20);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perAddress = new(StringComparer.Ordinal);
    private int _open;

    /// <summary>Streams open on this instance now.</summary>
    public int OpenStreams => Volatile.Read(ref _open);

    /// <summary>
    /// Reserves a place for a new stream before the upgrade: null when the conversation or the
    /// client address already has as many open streams as allowed. Dispose when the stream ends.
    /// </summary>
    public IDisposable? TryReserve(string conversationId, string clientAddress)
    {
        var limits = options.Value;
        lock (_lock)
        {
            var conversation = _perConversation.GetValueOrDefault(conversationId);
            var address = _perAddress.GetValueOrDefault(clientAddress);
            if (conversation >= limits.MaxStreamsPerConversation || address >= limits.MaxStreamsPerIp)
            {
                return null;
            }

            _perConversation[conversationId] = conversation + 1;
            _perAddress[clientAddress] = address + 1;
            _open++;
        }

        return new Reservation(this, conversationId, clientAddress);
    }

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken aborted)
    {
        using var watching = signals.Watch(conversationId);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var idleTimeout = options.Value.StreamIdleTimeout;
        var recheck = RecheckInterval();
        var lastFrame = new LastFrame(clock.GetTimestamp());
        var receiving = ReceiveAsync(socket, lastFrame, closing.Token);
        try
        {
            var read = true;
            while (socket.State == WebSocketState.Open && !receiving.IsCompleted)
            {
                // Take the signal before reading, so a turn committing in between is not missed.
                var changed = signals.NextAsync(conversationId);
                if (read)
                {
                    var set = await feed.ReadAsync(conversationId, watermark, closing.Token);
                    if (set.Activities.Count > 0)
                    {
                        var frame = JsonSerializer.SerializeToUtf8Bytes(set, ActivityJson.Options);
                        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
                        lastFrame.Touch(clock.GetTimestamp());
                        watermark = long.Parse(set.Watermark, System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                var idleLeft = idleTimeout - clock.GetElapsedTime(lastFrame.At);
                if (idleLeft <= TimeSpan.Zero)
                {
                    LogIdleClosed(logger);
                    await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "Idle timeout");
                    return;
                }

                var wait = recheck is { } every && every < idleLeft ? every : idleLeft;
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
                var timer = Task.Delay(wait, clock, waiting.Token);
                var woke = await Task.WhenAny(changed, receiving, timer);
                await waiting.CancelAsync();
                // Only a commit, or the slow re-read for other instances' commits, reads the database;
                // waking to check the idle time does not.
                read = woke == changed || (woke == timer && recheck is not null && wait == recheck);
            }

            // Only this loop sends, so the close frame cannot interleave with an activity frame.
            if (receiving.IsCompletedSuccessfully && receiving.Result is { } close)
            {
                await CloseAsync(socket, close.Status, close.Description);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
        finally
        {
            await closing.CancelAsync();
            await ReceiveEnded(receiving);
        }
    }

    private TimeSpan? RecheckInterval()
    {
        var configured = options.Value.StreamRecheckInterval;
        if (configured is { } interval)
        {
            return interval > TimeSpan.Zero ? interval : null;
        }

        return string.Equals(storage.Value.Provider, StorageOptions.PostgreSql, StringComparison.OrdinalIgnoreCase) ? SharedDatabaseRecheck : null;
    }

    private void Release(string conversationId, string clientAddress)
    {
        lock (_lock)
        {
            Decrement(_perConversation, conversationId);
            Decrement(_perAddress, clientAddress);
            _open--;
        }
    }

    private static void Decrement(Dictionary<string, int> counts, string key)
    {
        if (counts.TryGetValue(key, out var count) && count > 1)
        {
            counts[key] = count - 1;
        }
        else
        {
            counts.Remove(key);
        }
    }

    /// <summary>Reads client frames until the client closes (null) or sends something not allowed (how to close).</summary>
    private async Task<(WebSocketCloseStatus Status, string Description)?> ReceiveAsync(WebSocket socket, LastFrame lastFrame, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxIncomingFrame];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        LogRejectedFrame(logger, "oversize");
                        return (WebSocketCloseStatus.MessageTooBig, "Frame too large");
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    lastFrame.Touch(clock.GetTimestamp());
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                switch (result.MessageType)
                {
                    case WebSocketMessageType.Close:
                        return (WebSocketCloseStatus.NormalClosure, string.Empty);
                    case WebSocketMessageType.Binary:
                        LogRejectedFrame(logger, "binary");
                        return (WebSocketCloseStatus.InvalidMessageType, "Unsupported frame");
                    case WebSocketMessageType.Text when buffer.AsSpan(0, length).Trim((byte)' ').Length > 0:
                        // Direct Line clients only ping with an empty string; anything else is not ours to parse.
                        LogRejectedFrame(logger, "text");
                        return (WebSocketCloseStatus.PolicyViolation, "Unsupported frame");
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            return null;
        }
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, description, timeout.Token);
            }
            else if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(status, description, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            socket.Abort();
        }
    }

    private static async Task ReceiveEnded(Task receiving)
    {
        try
        {
            await receiving;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Already logged or expected at shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line stream closed: idle")]
    private static partial void LogIdleClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line stream closed: client sent an unsupported frame ({Reason})")]
    private static partial void LogRejectedFrame(ILogger logger, string reason);

    /// <summary>When the last frame went either way; the receive loop and the send loop both touch it.</summary>
    private sealed class LastFrame(long at)
    {
        private long _at = at;

        public long At => Interlocked.Read(ref _at);

        public void Touch(long now) => Interlocked.Exchange(ref _at, now);
    }

    private sealed class Reservation(DirectLineStream owner, string conversationId, string clientAddress) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(conversationId, clientAddress);
            }
        }
    }
}
