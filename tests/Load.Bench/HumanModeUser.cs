using System.Diagnostics;

namespace IntakeBot.Load.Bench;

/// <summary>
/// A Direct Line user whose conversations go to a person and back (issue 23): the family script's
/// first answers, 「人と話したい」 (the reply gives the handoff ticket's reference), then the shared
/// coordinator writes and the person waits for that message in the poll; the person writes twice,
/// each time checking after a pause that the bot stayed silent, and the coordinator answers each;
/// the desk must see both messages (GET /api/tickets/{reference}); the handback must bring the bot
/// back with the question the person was on, and the rest of the script files the intake.
/// Between its turns the user waits the pacing interval (think time) instead of keeping a
/// schedule: the desk steps take time no schedule of bot turns has.
/// </summary>
public sealed class HumanModeUser(
    HttpClient client, Uri baseUrl, IntakeScript script, RunClock clock, TimeSpan timeout, TimeSpan thinkTime, long firstDue,
    BenchCoordinator desk, int index)
    : DirectLineUser(client, baseUrl, script, clock, timeout, pacingTicks: 0, firstDue)
{
    /// <summary>How long the person waits before checking that the bot said nothing to a message in human mode.</summary>
    public static readonly TimeSpan SilenceCheck = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(20);

    private long _conversation;

    public HumanModeCounters Counters { get; } = new();

    protected override async Task<bool> ConversationAsync()
    {
        _conversation++;
        var tag = $"{index}-{_conversation}";
        if (await ThinkThenTurnAsync(null) is null)
        {
            return false;
        }

        string question = string.Empty;
        for (var i = 0; i < Script.HumanModeAfter; i++)
        {
            if (!Clock.Running || await ThinkThenTurnAsync(Script.Answers[i]) is not { } reply)
            {
                return false;
            }

            question = IntakeScript.LastLine(reply.Text);
        }

        string? reference = null;
        if (!Clock.Running || await ThinkThenTurnAsync(IntakeScript.AskForPerson, r =>
            (reference = IntakeScript.ReferenceIn(r.Text)) is null ? "no reference in the handoff reply" : null) is null)
        {
            return false;
        }

        // The coordinator joins by writing; the person writes twice, and is answered each time.
        if (!await DeskSaysAsync(reference!, $"相談員です。お話をうかがいます。（{tag}-1）"))
        {
            return false;
        }

        var written = new List<string>();
        for (var k = 1; k <= 2; k++)
        {
            var text = k == 1 ? $"母のことで相談したいです。（{tag}-u1）" : $"よろしくお願いします。（{tag}-u2）";
            if (!Clock.Running || !await WriteInHumanModeAsync(text))
            {
                return false;
            }

            written.Add(text);
            if (!await DeskSaysAsync(reference!, k == 1 ? $"わかりました。続けてどうぞ。（{tag}-{k + 1}）" : $"ありがとうございます。続きはボットの質問にお答えください。（{tag}-{k + 1}）"))
            {
                return false;
            }
        }

        if (!await DeskSeesAsync(reference!, written) || !await HandBackAsync(reference!, question))
        {
            return false;
        }

        for (var i = Script.HumanModeAfter; i < Script.Answers.Count && Clock.Running; i++)
        {
            var isLast = i == Script.Answers.Count - 1;
            if (await ThinkThenTurnAsync(Script.Answers[i], isLast: isLast) is null)
            {
                return false;
            }

            if (isLast && Clock.InWindow(Stopwatch.GetTimestamp()))
            {
                Counters.Conversations++;
            }
        }

        return true;
    }

    private async Task<BotReply?> ThinkThenTurnAsync(string? text, Func<BotReply, string?>? check = null, bool isLast = false)
    {
        await Task.Delay(thinkTime);
        return await TurnAsync(text, isLast, check);
    }

    /// <summary>The desk writes; the person's poll must bring that very message from the coordinator.</summary>
    private async Task<bool> DeskSaysAsync(string reference, string text)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = Deadline();
        try
        {
            await desk.SendAsync(reference, text, deadline.Token);
        }
        catch (Exception ex) when (Failure(ex) is { } kind)
        {
            if (kind.Length > 0)
            {
                RecordError(started, "desk message: " + kind, ex.Message);
            }

            return false;
        }

        var counted = Clock.InWindow(started);
        if (counted)
        {
            Counters.CoordinatorSent++;
        }

        try
        {
            while (true)
            {
                var seen = await PollOnceAsync(deadline.Token);
                if (seen.Any(m => m.FromName == desk.DisplayName && m.Text == text))
                {
                    if (counted)
                    {
                        Counters.CoordinatorDelivered++;
                        Counters.DeliveryMs.Add(RunClock.Milliseconds(Stopwatch.GetTimestamp() - started));
                    }

                    return true;
                }

                if (seen.FirstOrDefault(m => m.FromName != desk.DisplayName && !m.Text.Contains("つながりました", StringComparison.Ordinal)) is { } other)
                {
                    RecordError(started, "bot spoke in human mode", Shorten(other.Text));
                    return false;
                }

                await Task.Delay(PollPause, deadline.Token);
            }
        }
        catch (Exception ex) when (Failure(ex) is { } kind)
        {
            if (kind.Length == 0)
            {
                // Cut by the end of the run: neither delivered nor lost.
                Counters.CoordinatorSent -= counted ? 1 : 0;
            }
            else
            {
                RecordError(started, kind == "timeout" ? "coordinator message not delivered" : "poll: " + kind, ex.Message);
            }

            return false;
        }
    }

    /// <summary>The person writes while the coordinator is in the chat: the bot must say nothing.</summary>
    private async Task<bool> WriteInHumanModeAsync(string text)
    {
        await Task.Delay(thinkTime);
        var started = Stopwatch.GetTimestamp();
        using var deadline = Deadline();
        try
        {
            await PostAsync(text, deadline.Token);

            await Task.Delay(SilenceCheck, deadline.Token);
            if ((await PollOnceAsync(deadline.Token)).FirstOrDefault() is { } spoken)
            {
                RecordError(started, "bot spoke in human mode", Shorten(spoken.Text));
                return false;
            }

            return true;
        }
        catch (Exception ex) when (Failure(ex) is { } kind)
        {
            if (kind.Length > 0)
            {
                RecordError(started, "human-mode message: " + kind, ex.Message);
            }

            return false;
        }
    }

    /// <summary>The desk reads the ticket: every message the person wrote to the coordinator must be there.</summary>
    private async Task<bool> DeskSeesAsync(string reference, List<string> written)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = Deadline();
        try
        {
            var texts = await desk.UserMessagesAsync(reference, deadline.Token);
            var seen = written.Count(texts.Contains);
            // Counted here, both at once: a conversation the window's end cuts between the
            // person's message and the desk's read would otherwise read as a message lost.
            if (Clock.InWindow(started))
            {
                Counters.UserMessages += written.Count;
                Counters.UserMessagesSeenByDesk += seen;
            }

            if (seen < written.Count)
            {
                RecordError(started, "desk misses a message of the person");
                return false;
            }

            return true;
        }
        catch (Exception ex) when (Failure(ex) is { } kind)
        {
            if (kind.Length > 0)
            {
                RecordError(started, "desk read: " + kind, ex.Message);
            }

            return false;
        }
    }

    /// <summary>The handback: the bot must come back and ask again the question the person was on.</summary>
    private async Task<bool> HandBackAsync(string reference, string question)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = Deadline();
        try
        {
            await desk.HandbackAsync(reference, deadline.Token);
            if (Clock.InWindow(started))
            {
                Counters.Handbacks++;
            }

            while (true)
            {
                var seen = await PollOnceAsync(deadline.Token);
                if (seen.Count > 0)
                {
                    var text = string.Join("\n", seen.Select(m => m.Text));
                    if (question.Length == 0 || !text.Contains(question, StringComparison.Ordinal))
                    {
                        RecordError(started, "handback did not ask the question again", Shorten(text));
                        return false;
                    }

                    if (Clock.InWindow(started))
                    {
                        Counters.QuestionsAskedAgain++;
                    }

                    return true;
                }

                await Task.Delay(PollPause, deadline.Token);
            }
        }
        catch (Exception ex) when (Failure(ex) is { } kind)
        {
            if (kind.Length > 0)
            {
                RecordError(started, "handback: " + kind, ex.Message);
            }

            return false;
        }
    }

    private CancellationTokenSource Deadline()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(Clock.HardStop);
        deadline.CancelAfter(TurnTimeout);
        return deadline;
    }

    /// <summary>The error's kind; empty when the run's end cut it; null for exceptions that are the bench's own bug.</summary>
    private string? Failure(Exception ex) => ex switch
    {
        // Cut by the end of the run: neither the server's fault nor a success.
        OperationCanceledException when Clock.HardStop.IsCancellationRequested => string.Empty,
        OperationCanceledException => "timeout",
        HttpStatusException status => $"HTTP {(int)status.Status}",
        ProtocolException or System.Text.Json.JsonException => "bad response",
        HttpRequestException => "connection",
        _ => null,
    };
}
