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

var rows = new List<RunResult>();
string? nodeVersion = null;
string? botSetup = null;
var incomplete = false;
try
{
    foreach (var (start, channel, script) in plans)
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
                    repo, options.BotPath ?? Path.Combine(repo, "bot", "bin", "Release", "net10.0", "IntakeBot.Bot"), options.DataDir, options.KeepData, options.BotSettings);
                target = options.Label ?? "IntakeBot (SQLite)";
                botSetup ??= $"IntakeBot: Release build, Production environment, a fresh data folder on {ServerProcess.FileSystemType(server.DataFolder!)} (SQLite there: WAL, synchronous=FULL), settings "
                    + string.Join(", ", ServerProcess.BotSettings.Concat(options.BotSettings).Select(s => $"`{s.Key}={s.Value}`")) + ".";
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
            var result = await LoadRun.RunAsync(target, baseUrl, channel, script, options, server);
            if (server is not null && (server.HasExited || result.Errors > 0 || result.WarmupErrors > 0))
            {
                server.KeepLog = true;
                Console.Error.WriteLine($"{(server.HasExited ? "The server exited during the run" : "Errors; the server's last output")} {server.Tail()}");
            }

            Console.Error.WriteLine($"  {result.TurnsPerSecond:0} turns/s, p99 {result.P99:0.0} ms, {result.Errors} errors");
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

return !incomplete && rows.All(r => r.Errors == 0 && r.Turns > 0) ? 0 : 1;

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
