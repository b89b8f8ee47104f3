using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>A Direct Line user on the WebSocket stream, like directlinejs with webSocket: true.</summary>
public sealed class DirectLineSocketChat(HttpClient http) : IChat
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<List<Activity>> _received = Channel.CreateUnbounded<List<Activity>>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    public DirectLineClient Line { get; } = new(http);

    public async Task<IReadOnlyList<Activity>> StartAsync()
    {
        await Line.GetPageTokenAsync();
        await Line.StartAsync();
        await ConnectAsync(Line.StreamUrl);
        return await ReceiveUntilAsync(a => a.SuggestedActions is not null);
    }

    public async Task ConnectAsync(string streamUrl)
    {
        await _socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        _reader = ReadAsync();
    }

    public async Task<IReadOnlyList<Activity>> SendAsync(string text)
    {
        var clientId = Guid.NewGuid().ToString("N");
        var id = await Line.PostAsync(text, clientId);
        // The echo and the turn's replies commit together, so they arrive in one frame.
        while (true)
        {
            var frame = await NextFrameAsync();
            if (frame.FirstOrDefault(a => a.Id == id) is { } echo)
            {
                Assert.Equal(clientId, echo.ClientActivityId);
                return frame.Where(a => a.ReplyToId == id).ToList();
            }
        }
    }

    public async Task<IReadOnlyList<Activity>> ReceiveUntilAsync(Func<Activity, bool> last)
    {
        var list = new List<Activity>();
        while (true)
        {
            var frame = await NextFrameAsync();
            list.AddRange(frame);
            if (frame.Any(last))
            {
                return list;
            }
        }
    }

    public async Task<List<Activity>> NextFrameAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public List<string> Frames { get; } = [];

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, length);
                Frames.Add(text);
                if (text.Length == 0)
                {
                    continue;
                }

                var frame = JsonNode.Parse(text)!;
                Assert.Equal(JsonValueKind.String, frame["watermark"]!.GetValueKind());
                Line.Watermark = (string)frame["watermark"]!;
                await _received.Writer.WriteAsync(frame["activities"].Deserialize<List<Activity>>(ActivityJson.Options)!);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    public WebSocket Socket => _socket;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
