using System.Diagnostics;

namespace IntakeBot.Load.Bench;

/// <summary>One row of the report: what was driven how, and what came out.</summary>
public sealed record RunResult(
    string Target,
    Channel Channel,
    string Script,
    int Concurrency,
    long Turns,
    long Conversations,
    double MeasuredSeconds,
    double TurnsPerSecond,
    double P50,
    double P95,
    double P99,
    double Max,
    long Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    long WarmupErrors,
    string? FirstError,
    double? PeakMemoryMb,
    double? ServerCpuPercent,
    double? ServerCpuMsPerTurn,
    double ClientCpuPercent,
    double? StolenCpuPercent,
    double FilingP50,
    double FilingP99,
    long Unsent,
    HumanModeResult? Human = null);

/// <summary>Drives N virtual users against one server for the warm-up and the measured window.</summary>
public static class LoadRun
{
    /// <summary>
    /// One row. With <paramref name="humanPercent"/> above 0, that share of the users runs
    /// human-mode conversations with one coordinator logged in as <paramref name="desk"/>; the
    /// row's latency, turns and errors are then the other (scripted) users', and
    /// <see cref="RunResult.Human"/> holds the human-mode side.
    /// </summary>
    public static async Task<RunResult> RunAsync(
        string target, string baseUrl, Channel channel, IntakeScript script, BenchOptions options, ServerProcess? server,
        double humanPercent = 0, (string Name, string Password)? desk = null)
    {
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var runId = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
        using var client = Http.CreateClient(options.Concurrency);
        var url = new Uri(baseUrl.TrimEnd('/') + "/");
        using var clock = new RunClock(options.WarmupSeconds, options.MaxMeasuredSeconds, options.Turns, options.TimeoutSeconds);
        // Users that all start together file their intakes together, every script length, and a
        // hundred tickets at the same moment is a burst no center sees. So the starts are spread:
        // on the open loop each user begins (i mod turns-per-intake) intervals late, which puts
        // as many users at each step of the script; on the closed loop the starts are spread over
        // the first half of the warm-up, which the users' own pace then mixes further.
        var pacing = options.Rate is { } rate ? RunClock.Ticks(options.Concurrency / rate) : 0;
        long FirstDue(int i) => pacing > 0
            ? clock.Started + (pacing * i / options.Concurrency) + (pacing * (i % script.TurnsPerConversation))
            : clock.Started + (RunClock.Ticks(options.WarmupSeconds / 2) * i / options.Concurrency);
        using var coordinator = humanPercent > 0
            ? await BenchCoordinator.LoginAsync(url, desk?.Name ?? throw new InvalidOperationException("Human mode needs the desk's admin account."), desk.Value.Password, options.Concurrency, clock.HardStop)
            : null;
        // Human-mode users keep no schedule (the desk's steps take time of their own): they think
        // for one pacing interval before each turn, so that each offers about a scripted user's load.
        var think = TimeSpan.FromSeconds(options.Rate is { } r ? options.Concurrency / r : 0);
        var users = Enumerable.Range(0, options.Concurrency)
            .Select(VirtualUser (i) => channel == Channel.Messages
                ? new MessagesUser(client, url, runId, i, script, clock, timeout, pacing, FirstDue(i))
                : coordinator is not null && BenchOptions.IsHumanModeUser(i, humanPercent)
                    ? new HumanModeUser(client, url, script, clock, timeout, think, FirstDue(i), coordinator, i)
                    : new DirectLineUser(client, url, script, clock, timeout, pacing, FirstDue(i)))
            .ToList();
        var everyone = users;
        var humans = users.OfType<HumanModeUser>().ToList();
        var scripted = users.Where(u => u is not HumanModeUser).ToList();

        var tasks = users.Select(u => u.RunAsync()).ToList();

        // CPU time over the measured window only: wait for the warm-up to end, then sample.
        var untilWindow = RunClock.Milliseconds(clock.MeasureFrom - Stopwatch.GetTimestamp());
        if (untilWindow > 0)
        {
            await Task.WhenAny(Task.WhenAll(tasks), Task.Delay(TimeSpan.FromMilliseconds(untilWindow)));
        }

        var me = Process.GetCurrentProcess();
        var clientCpuBefore = me.TotalProcessorTime;
        var serverCpuBefore = server?.CpuSeconds();
        var stolenBefore = StolenCpu.Read();
        var windowStarted = Stopwatch.GetTimestamp();

        await Task.WhenAll(tasks);

        var windowEnded = Stopwatch.GetTimestamp();
        me.Refresh();
        var clientCpu = (me.TotalProcessorTime - clientCpuBefore).TotalSeconds;
        var serverCpu = server?.CpuSeconds() - serverCpuBefore;
        var stolen = StolenCpu.Read() is { } after && stolenBefore is { } before ? after.PercentSince(before) : (double?)null;
        var peak = server?.PeakMemoryMb();
        var wall = RunClock.Milliseconds(windowEnded - windowStarted) / 1000;

        users = scripted;
        var latencies = Sorted(users.SelectMany(u => u.Stats.LatenciesMs));
        var allTurns = everyone.Sum(u => (long)u.Stats.LatenciesMs.Count);
        var filing = Sorted(users.SelectMany(u => u.Stats.FilingLatenciesMs));
        var errorsByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, count) in users.SelectMany(u => u.Stats.Errors))
        {
            errorsByKind[kind] = errorsByKind.GetValueOrDefault(kind) + count;
        }

        var lastCompletion = everyone.Max(u => u.Stats.LastCompletion);
        var measured = lastCompletion > clock.MeasureFrom ? RunClock.Milliseconds(lastCompletion - clock.MeasureFrom) / 1000 : 0;
        return new RunResult(
            target,
            channel,
            script.Name,
            options.Concurrency,
            latencies.Length,
            users.Sum(u => u.Stats.Conversations),
            measured,
            measured > 0 ? latencies.Length / measured : 0,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            latencies.Length > 0 ? latencies[^1] : double.NaN,
            errorsByKind.Values.Sum(),
            errorsByKind,
            users.Sum(u => u.Stats.WarmupErrors.Values.Sum()),
            users.Select(u => u.Stats.FirstError).FirstOrDefault(e => e is not null),
            peak,
            serverCpu is { } cpu && wall > 0 ? cpu / wall * 100 : null,
            serverCpu is { } total && allTurns > 0 ? total * 1000 / allTurns : null,
            wall > 0 ? clientCpu / wall * 100 : 0,
            stolen,
            Percentile(filing, 0.50),
            Percentile(filing, 0.99),
            users.Sum(u => u.Stats.Unsent),
            coordinator is null ? null : Human(humanPercent, humans));
    }

    private static HumanModeResult Human(double percent, List<HumanModeUser> humans)
    {
        var counters = humans.Select(h => h.Counters).ToList();
        var delivery = Sorted(counters.SelectMany(c => c.DeliveryMs));
        var turns = Sorted(humans.SelectMany(h => h.Stats.LatenciesMs));
        var errors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, count) in humans.SelectMany(h => h.Stats.Errors))
        {
            errors[kind] = errors.GetValueOrDefault(kind) + count;
        }

        return new HumanModeResult(
            percent,
            humans.Count,
            counters.Sum(c => c.Conversations),
            counters.Sum(c => c.CoordinatorSent),
            counters.Sum(c => c.CoordinatorDelivered),
            counters.Sum(c => c.UserMessages),
            counters.Sum(c => c.UserMessagesSeenByDesk),
            counters.Sum(c => c.Handbacks),
            counters.Sum(c => c.QuestionsAskedAgain),
            Percentile(delivery, 0.50),
            Percentile(delivery, 0.99),
            turns.Length,
            Percentile(turns, 0.50),
            Percentile(turns, 0.99),
            errors.Values.Sum(),
            errors,
            humans.Sum(h => h.Stats.WarmupErrors.Values.Sum()),
            humans.Select(h => h.Stats.FirstError).FirstOrDefault(e => e is not null));
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
