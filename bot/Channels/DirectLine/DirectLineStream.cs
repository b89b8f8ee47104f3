using System.Net.WebSockets;
using System.Text.Json;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Turns;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>
/// One WebSocket stream of a conversation: the backlog after the client's watermark, then every
/// committed activity as <c>{"activities":[…],"watermark":"N"}</c>. The client sends nothing but
/// empty-string pings; any other frame (text, binary, oversize) closes the socket, and nothing
/// the client sent is echoed back.
/// </summary>
public sealed partial class DirectLineStream(ActivityFeed feed, ConversationSignals signals, ILogger<DirectLineStream> logger)
{
    private const int MaxIncomingFrame = 1024;
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken aborted)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = ReceiveAsync(socket, closing.Token);
        try
        {
            while (socket.State == WebSocketState.Open && !receiving.IsCompleted)
            {
                // Take the signal before reading, so a turn committing in between is not missed.
                var changed = signals.NextAsync(conversationId);
                var set = await feed.ReadAsync(conversationId, watermark, closing.Token);
                if (set.Activities.Count > 0)
                {
                    var frame = JsonSerializer.SerializeToUtf8Bytes(set, ActivityJson.Options);
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
                    watermark = long.Parse(set.Watermark, System.Globalization.CultureInfo.InvariantCulture);
                }

                await Task.WhenAny(changed, receiving, Task.Delay(RecheckInterval, closing.Token));
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

    /// <summary>Reads client frames until the client closes (null) or sends something not allowed (how to close).</summary>
    private async Task<(WebSocketCloseStatus Status, string Description)?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line stream closed: client sent an unsupported frame ({Reason})")]
    private static partial void LogRejectedFrame(ILogger logger, string reason);
}
