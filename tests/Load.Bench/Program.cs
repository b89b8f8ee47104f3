using System.Diagnostics;
using IntakeBot.Load.Bench;

Console.OutputEncoding = System.Text.Encoding.UTF8;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var repo = RepoRoot.Find(options.Repo);
var plans = new List<(StartKind Start, Channel Channel, IntakeScript Script)>();
if (options.Compare)
{
    plans.AddRange(options.Channels.Select(c => (StartKind.Bot, c, IntakeScript.For("family"))));
    plans.Add((StartKind.Peer, Channel.Messages, IntakeScript.For("peer")));
}
else
{
    var script = IntakeScript.For(options.Script ?? (options.Start == StartKind.Peer ? "peer" : "family"));
    plans.AddRange(options.Channels.Select(c => (options.Start, c, script)));
}

// Human mode: one row per share of human-mode users, each on a fresh server with the desk's admin.
var percents = options.HumanMode ? options.HumanPercents : [0];
(string Name, string Password)? desk = options.HumanMode
    ? ("bench-desk", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)))
    : null;
var extraSettings = options.HumanMode ? [.. ServerProcess.HumanModeSettings, .. options.BotSettings] : options.BotSettings;
var runs = plans.SelectMany(p => percents.Select(percent => (p.Start, p.Channel, p.Script, Percent: percent))).ToList();

var rows = new List<RunResult>();
string? nodeVersion = null;
string? botSetup = null;
var incomplete = false;
try
{
    foreach (var (start, channel, script, percent) in runs)
    {
        if (rows.Count > 0)
        {
            // Let the previous server's exit and the disk settle before the next row.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        ServerProcess? server = null;
        string target;
        string baseUrl;
        switch (start)
        {
            case StartKind.Bot:
                server = await ServerProcess.StartBotAsync(
                    repo, options.BotPath ?? Path.Combine(repo, "bot", "bin", "Release", "net10.0", "IntakeBot.Bot"), options.DataDir, options.KeepData, extraSettings, desk);
                target = options.Label ?? "IntakeBot (SQLite)";
                if (options.HumanMode)
                {
                    var humans = Enumerable.Range(0, options.Concurrency).Count(i => BenchOptions.IsHumanModeUser(i, percent));
                    target += $", {percent:0.##} % human mode ({options.Concurrency - humans} scripted users measured)";
                }

                botSetup ??= $"IntakeBot: Release build, Production environment, a fresh data folder on {ServerProcess.FileSystemType(server.DataFolder!)} (SQLite there: WAL, synchronous=FULL), settings "
                    + string.Join(", ", ServerProcess.BotSettings.Concat(extraSettings).Select(s => $"`{s.Key}={s.Value}`")) + "."
                    + (desk is { } d ? $" A desk admin `{d.Name}` created with `users add {d.Name} --role admin` before the host starts." : string.Empty);
                baseUrl = server.BaseUrl;
                break;
            case StartKind.Peer:
                server = await ServerProcess.StartPeerAsync(repo);
                nodeVersion ??= NodeVersion();
                target = $"peer: botbuilder-js {ServerProcess.PeerSdkVersion(repo)} (MemoryStorage)";
                baseUrl = server.BaseUrl;
                break;
            default:
                target = options.Url!;
                baseUrl = options.Url!;
                break;
        }

        await using (server)
        {
            Console.Error.WriteLine($"→ {target}, {Report.ChannelName(channel)}, {options.Concurrency} users, script {script.Name} at {baseUrl}"
                + (server?.DataFolder is { } data ? $" (data {data})" : string.Empty));
            var result = await LoadRun.RunAsync(target, baseUrl, channel, script, options, server, percent, desk);
            var humanErrors = (result.Human?.Errors ?? 0) + (result.Human?.WarmupErrors ?? 0) + (result.Human?.Lost ?? 0);
            if (server is not null && (server.HasExited || result.Errors > 0 || result.WarmupErrors > 0 || humanErrors > 0))
            {
                server.KeepLog = true;
                Console.Error.WriteLine($"{(server.HasExited ? "The server exited during the run" : "Errors; the server's last output")} {server.Tail()}");
            }

            Console.Error.WriteLine($"  {result.TurnsPerSecond:0} turns/s, p99 {result.P99:0.0} ms, {result.Errors} errors"
                + (result.Human is { } h ? $"; human mode: {h.CoordinatorDelivered}/{h.CoordinatorSent} coordinator messages delivered, {h.Errors} errors" : string.Empty));
            rows.Add(result);
        }
    }
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    if (rows.Count == 0)
    {
        return 1;
    }

    // The rows measured before the failure are still worth printing; the exit code says it failed.
    incomplete = true;
}

var markdown = Report.Markdown(rows, options, nodeVersion, botSetup);
Console.WriteLine(markdown);
if (options.OutFile is not null)
{
    await File.AppendAllTextAsync(options.OutFile, markdown + Environment.NewLine);
}

return !incomplete && rows.All(r => r.Errors == 0 && r.Turns > 0 && r.Human is not { Errors: > 0 } and not { Lost: not 0 } and not { Unseen: not 0 }) ? 0 : 1;

static string? NodeVersion()
{
    try
    {
        using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
        var version = node?.StandardOutput.ReadToEnd().Trim();
        node?.WaitForExit();
        return version;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return null;
    }
}

/// <summary>Finds the repository root (the folder with IntakeBot.sln).</summary>
internal static class RepoRoot
{
    public static string Find(string? given)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "IntakeBot.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
