using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>
/// The bot as a separate operating-system process (the built IntakeBot.Bot.dll), for what an
/// in-process host cannot show: several instances side by side, and a kill -9 in the middle of
/// a turn. Output is drained so the process never blocks on a full pipe.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly string Dll = Path.Combine(
        RepoPaths.Bot, "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "IntakeBot.Bot.dll");

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private bool _disposed;

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public int Port { get; }
    public string BaseUrl { get; }

    /// <summary>Starts the bot on <paramref name="port"/> (0: a free one) and waits until it answers.</summary>
    public static async Task<BotProcess> StartAsync(string dataFolder, IEnumerable<(string Key, string Value)> settings, int port = 0)
    {
        if (!File.Exists(Dll))
        {
            throw new FileNotFoundException("Build the bot first (dotnet build IntakeBot.sln): the process tests run its dll.", Dll);
        }

        port = port == 0 ? FreePort() : port;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Bot,
        };
        foreach (var argument in new[]
                 {
                     Dll, "--contentRoot", RepoPaths.Bot, "--urls", $"http://127.0.0.1:{port}",
                     "--Storage:DataFolder", dataFolder, "--DataProtection:SecretsFolder", BotHost.SecretsFolderOf(dataFolder), "--DirectLine:Secret", BotHost.Secret,
                     "--Logging:LogLevel:Default", "Warning", "--RateLimits:PerIpPerMinute", "1000000",
                     "--RateLimits:TokensPerIpPerMinute", "100000",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add("--" + key);
            info.ArgumentList.Add(value);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var bot = new BotProcess(process, port);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitUntilReadyAsync();
        return bot;
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, exactly like a crash or a pulled plug.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot process exited with {_process.ExitCode} before it was ready:\n{Tail}");
            }

            try
            {
                using var response = await client.GetAsync(BaseUrl + "/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot process did not answer within 60 s.");
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join("\n", _tail);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
