using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace IntakeBot.Load.Bench;

/// <summary>
/// A server the benchmark starts: the IntakeBot host or the JS peer, on a free loopback port
/// (port 0; the address is read from the line the server prints when it listens). Reads the
/// process's peak resident memory (VmHWM) and CPU time from /proc, and stops it at the end.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>
    /// Settings the benchmark gives the bot on its command line, over bot/appsettings.json. All
    /// virtual users come from 127.0.0.1, where real users come from many addresses, so the per-IP
    /// limits are raised; the per-token limit (one Direct Line conversation) keeps its production value.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> BotSettings =
    [
        new("RateLimits:PerIpPerMinute", "100000000"),
        new("RateLimits:TokensPerIpPerMinute", "100000000"),
    ];

    /// <summary>
    /// With --human-percent, in every row (0 % too, so the rows differ only in the users): chat
    /// hours all day every day, so 「人と話したい」 calls a coordinator whenever the bench runs
    /// (Japan time; 23:59:59 to midnight is closed).
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> HumanModeSettings =
    [
        .. Enum.GetValues<DayOfWeek>().Select((day, i) => new KeyValuePair<string, string>($"Center:Hours:Days:{i}", day.ToString())),
        new("Center:Hours:From", "00:00"),
        new("Center:Hours:To", "23:59:59"),
    ];

    private readonly Process _process;
    private readonly string? _dataFolder;
    private readonly bool _keepData;

    private ServerProcess(Process process, string logFile, string? dataFolder, bool keepData)
    {
        _process = process;
        LogFile = logFile;
        _dataFolder = dataFolder;
        _keepData = keepData;
    }

    /// <summary>
    /// The server's console output. A file, not a pipe: at thousands of turns per second the
    /// host logs thousands of lines, and reading them would take the client's (and so the
    /// server's) CPU.
    /// </summary>
    public string LogFile { get; }

    /// <summary>Whether the log file is kept at the end (after errors, or with --keep-data).</summary>
    public bool KeepLog { get; set; }

    public string BaseUrl { get; private set; } = string.Empty;
    public int Pid => _process.Id;
    public string? DataFolder => _dataFolder;

    /// <summary>The bot from its Release build, production environment, on a fresh SQLite data folder.</summary>
    public static async Task<ServerProcess> StartBotAsync(
        string repo, string executable, string? dataParent, bool keepData, IEnumerable<KeyValuePair<string, string>> extraSettings,
        (string Name, string Password)? admin = null)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: build it first with `dotnet build -c Release bot`.");
        }

        var dataFolder = Path.Combine(dataParent ?? Path.GetTempPath(), "intakebot-load", RunName());
        Directory.CreateDirectory(dataFolder);
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.Combine(repo, "bot"),
        };
        // The content root is bot/ (appsettings.json, wwwroot), as with `dotnet run` and the tests.
        foreach (var arg in new[] { "--contentRoot", Path.Combine(repo, "bot"), "--urls", "http://127.0.0.1:0", "--Storage:DataFolder", dataFolder })
        {
            info.ArgumentList.Add(arg);
        }

        // Later arguments win, so --set can also override the benchmark's own settings.
        foreach (var (key, value) in BotSettings.Concat(extraSettings))
        {
            info.ArgumentList.Add("--" + key);
            info.ArgumentList.Add(value);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        if (admin is { } account)
        {
            await AddAdminAsync(info, account.Name, account.Password);
        }

        return await StartAsync(info, IntakeBotListening(), dataFolder + ".log", dataFolder, keepData);
    }

    /// <summary>
    /// `users add NAME --role admin` with the host's own arguments and environment (so the same
    /// data folder), the password on standard input as the README's first admin, before the host starts.
    /// </summary>
    private static async Task AddAdminAsync(ProcessStartInfo host, string name, string password)
    {
        var info = new ProcessStartInfo(host.FileName)
        {
            WorkingDirectory = host.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "users", "add", name, "--role", "admin" }.Concat(host.ArgumentList))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in host.Environment)
        {
            info.Environment[key] = value;
        }

        using var command = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {host.FileName} users add.");
        var output = command.StandardOutput.ReadToEndAsync();
        var errors = command.StandardError.ReadToEndAsync();
        await command.StandardInput.WriteLineAsync(password);
        command.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await command.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            command.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{host.FileName} users add did not finish within 120 s.");
        }

        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException($"{host.FileName} users add {name} failed (exit code {command.ExitCode}): {await output}{await errors}");
        }
    }

    /// <summary>The JS peer under node; installs its packages first (npm ci) when node_modules is missing.</summary>
    public static async Task<ServerProcess> StartPeerAsync(string repo)
    {
        var folder = PeerFolder(repo);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "botbuilder")))
        {
            await NpmCiAsync(folder);
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = folder };
        foreach (var arg in new[] { "index.js", "--host", "127.0.0.1", "--port", "0" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NODE_ENV"] = "production";
        var log = Path.Combine(Path.GetTempPath(), "intakebot-load", RunName() + "-peer.log");
        return await StartAsync(info, PeerListening(), log, dataFolder: null, keepData: false);
    }

    private static string RunName() =>
        DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    public static string PeerFolder(string repo) => Path.Combine(repo, "tests", "Load.Bench", "peer");

    /// <summary>The botbuilder version the peer runs, from its installed package.</summary>
    public static string PeerSdkVersion(string repo)
    {
        try
        {
            using var package = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PeerFolder(repo), "node_modules", "botbuilder", "package.json")));
            return package.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>The file system type under a path (ext4, tmpfs, …) from /proc/mounts: fsync costs differ by orders of magnitude.</summary>
    public static string FileSystemType(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var best = (Mount: string.Empty, Type: "?");
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length < 3)
                {
                    continue;
                }

                var mount = parts[1].Replace("\\040", " ", StringComparison.Ordinal);
                var inside = mount == "/" || full == mount || full.StartsWith(mount.TrimEnd('/') + "/", StringComparison.Ordinal);
                if (inside && mount.Length >= best.Mount.Length)
                {
                    best = (mount, parts[2]);
                }
            }

            return best.Type;
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Peak resident set size so far (VmHWM), in MiB; null when the process is gone.</summary>
    public double? PeakMemoryMb() => ReadStatusKb("VmHWM") is { } kb ? kb / 1024.0 : null;

    /// <summary>User plus system CPU time of the process so far, in seconds.</summary>
    public double? CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            // Fields after the command name (which may hold spaces) start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / (double)ClockTicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The last lines the server printed, for an error message.</summary>
    public string Tail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - (lines * 200)), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"({LogFile}){Environment.NewLine}" + string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return $"({LogFile} cannot be read)";
        }
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host shuts down as in production (the peer exits on it too).
            _ = Kill(_process.Id, 15);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        if (!KeepLog && !_keepData)
        {
            File.Delete(LogFile);
        }

        if (_dataFolder is not null && !_keepData)
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static async Task<ServerProcess> StartAsync(ProcessStartInfo server, Regex listening, string logFile, string? dataFolder, bool keepData)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        // sh redirects the output to the file and then becomes the server (exec), so the PID is the server's.
        var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = server.WorkingDirectory, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "log=$1; shift; exec \"$@\" >\"$log\" 2>&1", "sh", logFile, server.FileName }.Concat(server.ArgumentList))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in server.Environment)
        {
            info.Environment[key] = value;
        }

        foreach (var key in info.Environment.Keys.Except(server.Environment.Keys).ToList())
        {
            info.Environment.Remove(key);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {server.FileName}.");
        var started = new ServerProcess(process, logFile, dataFolder, keepData);
        try
        {
            started.BaseUrl = (await started.WaitListeningAsync(listening, server.FileName)).TrimEnd('/');
            await started.WaitHealthyAsync();
            return started;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            started.KeepLog = true;
            var tail = started.Tail();
            await started.DisposeAsync();
            throw new InvalidOperationException($"{server.FileName} did not start: {ex.Message}{Environment.NewLine}{tail}", ex);
        }
    }

    /// <summary>Reads the log until the server prints its address.</summary>
    private async Task<string> WaitListeningAsync(Regex listening, string name)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (File.Exists(LogFile))
            {
                using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (listening.Match(line) is { Success: true } match)
                    {
                        return match.Groups["url"].Value;
                    }
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {SafeExitCode(_process)}.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} printed no address within 90 s.");
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(BaseUrl + "/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (attempt < 50)
            {
            }

            if (attempt >= 50)
            {
                throw new TimeoutException($"{BaseUrl}/healthz did not answer 200.");
            }

            await Task.Delay(100);
        }
    }

    private double? ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var number = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return double.Parse(number, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidOperationException)
        {
        }

        return null;
    }

    private static async Task NpmCiAsync(string folder)
    {
        Console.Error.WriteLine($"Installing the peer's packages: npm ci in {folder}");
        var info = new ProcessStartInfo("npm") { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--prefer-offline" })
        {
            info.ArgumentList.Add(arg);
        }

        // npm's output goes to our stderr, so that the Markdown on stdout stays clean.
        info.RedirectStandardOutput = true;
        using var npm = Process.Start(info) ?? throw new InvalidOperationException("Cannot start npm.");
        var output = npm.StandardOutput.ReadToEndAsync();
        await npm.WaitForExitAsync();
        Console.Error.Write(await output);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {folder} (exit code {npm.ExitCode}).");
        }
    }

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static long ClockTicksPerSecond { get; } = SysConf(2) is var ticks && ticks > 0 ? ticks : 100; // _SC_CLK_TCK

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);

    [GeneratedRegex(@"IntakeBot web chat: (?<url>https?://\S+?)/?$")]
    private static partial Regex IntakeBotListening();

    [GeneratedRegex(@"listening on (?<url>https?://\S+)")]
    private static partial Regex PeerListening();
}
