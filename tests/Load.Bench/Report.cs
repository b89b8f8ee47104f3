using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace IntakeBot.Load.Bench;

/// <summary>The results as Markdown, ready to paste into a README: a settings line, one table, notes.</summary>
public static class Report
{
    public static string Markdown(IReadOnlyList<RunResult> rows, BenchOptions options, string? nodeVersion, string? botSetup)
    {
        var text = new StringBuilder();
        var window = options.Turns is { } turns
            ? $"{turns} measured turns (at most {F(options.MaxMeasuredSeconds)} s)"
            : $"{F(options.DurationSeconds)} s measured";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Load benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}{(nodeVersion is null ? "" : $", node {nodeVersion}")}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{options.Concurrency} concurrent conversations ({Loop(options)}; client on the same machine), {F(options.WarmupSeconds)} s warm-up, {window}, {F(options.TimeoutSeconds)} s timeout per turn.");
        text.AppendLine();
        text.AppendLine("| target | channel | turns/s | p50 ms | p95 ms | p99 ms | max ms | errors | peak MB | server CPU | turns | intakes |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Target} | {ChannelName(row.Channel)} | {row.TurnsPerSecond:0} | {Ms(row.P50)} | {Ms(row.P95)} | {Ms(row.P99)} | {Ms(row.Max)} | {row.Errors} | {(row.PeakMemoryMb is { } mb ? mb.ToString("0", CultureInfo.InvariantCulture) : "–")} | {(row.ServerCpuPercent is { } cpu ? cpu.ToString("0", CultureInfo.InvariantCulture) + " %" : "–")} | {row.Turns} | {row.Conversations} |");
        }

        text.AppendLine();
        text.AppendLine("turns/s: successful measured turns per second; a turn is one user activity and the bot's replies to it (the conversation start counts as one).");
        if (botSetup is not null)
        {
            text.AppendLine(botSetup);
        }

        text.AppendLine("Latency: per turn, from sending to having the replies (Direct Line: post, then polls until the replies are there). peak MB: the server's VmHWM (peak resident memory). server CPU: its CPU time over the measured window, 100 % = one core.");
        foreach (var row in rows)
        {
            var notes = new List<string>
            {
                $"script {row.Script}",
                $"client CPU {row.ClientCpuPercent:0} %",
                $"window {row.MeasuredSeconds:0.0} s",
            };
            if (row.Unsent > 0)
            {
                notes.Add($"BEHIND SCHEDULE: {row.Unsent} turns due in the window were never sent, their users still waiting for earlier turns (the server cannot keep this rate)");
            }

            if (!double.IsNaN(row.FilingP50))
            {
                notes.Add($"the intakes' last turn (filing the ticket) p50 {Ms(row.FilingP50)} ms, p99 {Ms(row.FilingP99)} ms");
            }

            if (row.StolenCpuPercent is { } stolen)
            {
                notes.Add($"CPU stolen by the hypervisor {stolen:0} % of the machine's");
            }

            if (row.ServerCpuMsPerTurn is { } perTurn)
            {
                notes.Insert(1, $"server CPU {perTurn:0.00} ms per turn");
            }

            if (row.ErrorsByKind.Count > 0)
            {
                notes.Add("errors: " + string.Join(", ", row.ErrorsByKind.Select(e => $"{e.Key} ×{e.Value}")));
            }

            if (row.WarmupErrors > 0)
            {
                notes.Add($"{row.WarmupErrors} errors during warm-up");
            }

            if (row.FirstError is not null && (row.Errors > 0 || row.WarmupErrors > 0))
            {
                notes.Add($"first: {row.FirstError}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"- {row.Target}, {ChannelName(row.Channel)}: {string.Join("; ", notes)}.");
        }

        if (rows.Any(r => r.Human is not null))
        {
            HumanMode(text, rows);
        }

        return text.ToString();
    }

    /// <summary>The human-mode users' counters, one line per row that had any.</summary>
    private static void HumanMode(StringBuilder text, IReadOnlyList<RunResult> rows)
    {
        text.AppendLine();
        text.AppendLine("Human mode (the users not in the table above): conversations that went to the coordinator and back and filed the intake; the coordinator's messages sent (desk answered 201) and delivered (in the person's Direct Line poll, the coordinator's name and text); the person's messages in human mode and those the desk saw in GET /api/tickets/{reference}; handbacks after which the bot asked the question again.");
        text.AppendLine();
        text.AppendLine("| human mode | users | conversations | coordinator sent | delivered | lost | person's messages | seen by desk | handbacks | question asked again | desk → person p50 / p99 ms | their bot turns p50 / p99 ms | errors |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in rows)
        {
            if (row.Human is not { } h)
            {
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {F(h.Percent)} % | {h.Users} | {h.Conversations} | {h.CoordinatorSent} | {h.CoordinatorDelivered} | {h.Lost} | {h.UserMessages} | {h.UserMessagesSeenByDesk} | {h.Handbacks} | {h.QuestionsAskedAgain} | {Ms(h.DeliveryP50)} / {Ms(h.DeliveryP99)} | {Ms(h.BotTurnP50)} / {Ms(h.BotTurnP99)} | {h.Errors} |");
        }

        foreach (var row in rows)
        {
            if (row.Human is { } h && (h.Errors > 0 || h.WarmupErrors > 0))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"- {F(h.Percent)} % human mode: errors: {string.Join(", ", h.ErrorsByKind.Select(e => $"{e.Key} ×{e.Value}"))}; {h.WarmupErrors} during warm-up; first: {h.FirstError}.");
            }
        }
    }

    private static string Loop(BenchOptions options) => options.Rate is { } rate
        ? $"open loop: {F(rate)} turns/s offered, each user one turn every {F(options.Concurrency * 1000 / rate)} ms on a fixed schedule, latency counted from the scheduled time, users starting at different steps of the script"
        : "closed loop, no think time, starts spread over the first half of the warm-up";

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Messages => "/api/messages expectReplies",
        Channel.DirectLine => "Direct Line 3.0 polling",
        _ => channel.ToString(),
    };

    private static string Ms(double value) =>
        double.IsNaN(value) ? "–" : value < 10 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
