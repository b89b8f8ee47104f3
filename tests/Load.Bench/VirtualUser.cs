using System.Diagnostics;
using System.Net;

namespace IntakeBot.Load.Bench;

/// <summary>A non-2xx answer; its status is the error's name in the report.</summary>
public sealed class HttpStatusException(HttpStatusCode status, string what) : Exception($"{what}: HTTP {(int)status}")
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>A 2xx answer whose body is not what the protocol promises.</summary>
public sealed class ProtocolException(string message) : Exception(message);

/// <summary>What the bot said in one turn: its message activities' texts.</summary>
public readonly record struct BotReply(int Messages, string Text);

/// <summary>What one virtual user measured. Only its own task writes it; the run merges them at the end.</summary>
public sealed class UserStats
{
    public List<double> LatenciesMs { get; } = new(4096);
    /// <summary>The final turns' latencies alone: they file the intake (a ticket and its number), the heaviest turn.</summary>
    public List<double> FilingLatenciesMs { get; } = new(256);
    public Dictionary<string, int> Errors { get; } = [];
    public Dictionary<string, int> WarmupErrors { get; } = [];
    /// <summary>Intakes filed (reference number received) by a measured turn.</summary>
    public long Conversations { get; set; }
    public long LastCompletion { get; set; }
    public string? FirstError { get; set; }
    /// <summary>Open loop: turns due in the window that were never sent, the user still waiting for earlier ones.</summary>
    public long Unsent { get; set; }
}

/// <summary>
/// One person talking to the bot, one conversation after another. Closed loop (no pacing): the
/// next turn goes out as soon as the replies are there. Open loop (a pacing interval): turns are
/// due on a fixed schedule, and a turn's latency counts from when it was due, not from when it
/// went out, so a server that falls behind is charged for the wait (no coordinated omission).
/// Either way a user has at most one request in flight, and starts at its first due time, so that
/// the run can spread the users over the script instead of having all of them file their intake
/// at the same moment. A turn that fails or gets a wrong reply ends the conversation, since the
/// script is then out of step; the user starts a new one.
/// </summary>
public abstract class VirtualUser(IntakeScript script, RunClock clock, TimeSpan timeout, long pacingTicks = 0, long firstDue = 0)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    private long _nextDue = firstDue;

    public UserStats Stats { get; } = new();

    protected IntakeScript Script => script;

    protected RunClock Clock => clock;

    /// <summary>Per-request deadline.</summary>
    protected TimeSpan TurnTimeout => timeout;

    protected abstract Task<BotReply> StartConversationAsync(CancellationToken cancellationToken);

    protected abstract Task<BotReply> SendAsync(string text, CancellationToken cancellationToken);

    public async Task RunAsync()
    {
        // Yield at once so that starting 100 users does not run their first turns on the starter's thread.
        await Task.Yield();
        var untilStart = RunClock.Milliseconds(_nextDue - Stopwatch.GetTimestamp());
        if (untilStart > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(untilStart));
        }

        while (clock.Running)
        {
            var failed = !await ConversationAsync();
            if (failed && clock.Running)
            {
                // A person would not retry in a tight loop either; this keeps a refusing server from being flooded.
                await Task.Delay(RetryPause);
            }
        }

        CountUnsent();
    }

    /// <summary>One conversation: the start and the script's answers; false when a turn failed.</summary>
    protected virtual async Task<bool> ConversationAsync()
    {
        var failed = await TurnAsync(null, isLast: false) is null;
        for (var i = 0; i < script.Answers.Count && clock.Running && !failed; i++)
        {
            failed = await TurnAsync(script.Answers[i], isLast: i == script.Answers.Count - 1) is null;
        }

        return !failed;
    }

    /// <summary>
    /// On the open loop, the turns due in the window that were never sent because the user was
    /// still waiting for earlier ones: a server that far behind would otherwise read as idle (no
    /// turns, no errors), where it made these wait past the end of the run. Reported apart from
    /// the errors: nothing failed, the schedule was not kept.
    /// </summary>
    private void CountUnsent()
    {
        if (pacingTicks <= 0 || clock.Closed)
        {
            return;
        }

        var first = _nextDue >= clock.MeasureFrom ? 0 : (clock.MeasureFrom - _nextDue + pacingTicks - 1) / pacingTicks;
        var end = (clock.MeasureUntil - _nextDue + pacingTicks - 1) / pacingTicks;
        if (end > first)
        {
            Stats.Unsent += end - first;
        }
    }

    /// <summary>
    /// Runs one turn (null text: start a conversation); records it; null when it failed. A check,
    /// when given, names what is wrong with a reply the script's own checks passed (null: nothing).
    /// </summary>
    protected async Task<BotReply?> TurnAsync(string? text, bool isLast, Func<BotReply, string?>? check = null)
    {
        BotReply? replied = null;
        string? error = null;
        string? detail = null;
        var started = await DueAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clock.HardStop);
        deadline.CancelAfter(timeout);
        try
        {
            var reply = text is null
                ? await StartConversationAsync(deadline.Token)
                : await SendAsync(text, deadline.Token);
            if (reply.Messages == 0)
            {
                error = "no reply";
            }
            else if (script.NotUnderstood.FirstOrDefault(marker => reply.Text.Contains(marker, StringComparison.Ordinal)) is not null)
            {
                error = "answer not understood";
                detail = $"「{text}」 → {Shorten(reply.Text)}";
            }
            else if (isLast && !reply.Text.Contains(script.ReferenceMarker, StringComparison.Ordinal))
            {
                error = "no reference number at the end";
                detail = Shorten(reply.Text);
            }
            else if (check?.Invoke(reply) is { } wrong)
            {
                error = wrong;
                detail = $"「{text}」 → {Shorten(reply.Text)}";
            }

            replied = reply;
        }
        catch (OperationCanceledException) when (clock.HardStop.IsCancellationRequested)
        {
            // The run is over; a request cut here is neither a success nor the server's fault.
            return null;
        }
        catch (OperationCanceledException)
        {
            error = "timeout";
        }
        catch (HttpStatusException ex)
        {
            error = $"HTTP {(int)ex.Status}";
            detail = ex.Message;
        }
        catch (ProtocolException ex)
        {
            error = "bad response";
            detail = ex.Message;
        }
        catch (HttpRequestException ex)
        {
            error = "connection";
            detail = ex.Message;
        }
        catch (System.Text.Json.JsonException ex)
        {
            error = "bad response";
            detail = ex.Message;
        }

        var finished = Stopwatch.GetTimestamp();
        if (clock.TryRecord(started))
        {
            Stats.LastCompletion = Math.Max(Stats.LastCompletion, finished);
            if (error is null)
            {
                var latency = RunClock.Milliseconds(finished - started);
                Stats.LatenciesMs.Add(latency);
                if (isLast)
                {
                    Stats.FilingLatenciesMs.Add(latency);
                    Stats.Conversations++;
                }
            }
            else
            {
                CountError(error, detail);
            }
        }
        else if (error is not null && clock.InWarmup(started))
        {
            CountWarmupError(error, detail);
        }

        return error is null ? replied : null;
    }

    /// <summary>An error of something that started at <paramref name="started"/>: counted in the window, noted in the warm-up.</summary>
    protected void RecordError(long started, string error, string? detail = null)
    {
        if (clock.InWindow(started))
        {
            Stats.LastCompletion = Math.Max(Stats.LastCompletion, Stopwatch.GetTimestamp());
            CountError(error, detail);
        }
        else if (clock.InWarmup(started))
        {
            CountWarmupError(error, detail);
        }
    }

    private void CountError(string error, string? detail)
    {
        Count(Stats.Errors, error);
        Stats.FirstError ??= detail is null ? error : $"{error}: {detail}";
    }

    private void CountWarmupError(string error, string? detail)
    {
        Count(Stats.WarmupErrors, error);
        Stats.FirstError ??= detail is null ? $"(warm-up) {error}" : $"(warm-up) {error}: {detail}";
    }

    /// <summary>When this turn counts as sent: now, or on the open loop its scheduled time (after waiting for it).</summary>
    private async ValueTask<long> DueAsync()
    {
        if (pacingTicks <= 0)
        {
            return Stopwatch.GetTimestamp();
        }

        var due = _nextDue;
        _nextDue += pacingTicks;
        var wait = RunClock.Milliseconds(due - Stopwatch.GetTimestamp());
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait));
        }

        return due;
    }

    private static void Count(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    protected static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 120 ? line : line[..120] + "…";
    }
}
