using System.Globalization;
using System.Text;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Language;
using IntakeBot.Dialogs.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.LanguageModel;

/// <summary>
/// Use b: a three-line 要約 of each new ticket's transcript, written in the background, stored
/// encrypted and shown on the ticket page labelled 「自動要約（機械生成・要確認）」. The triage stays
/// the rules'; the summary changes nothing else. A ticket is taken with a conditional update (one
/// instance at a time) and the summary stored with another (<c>WHERE ProtectedSummary IS NULL</c>),
/// so even two instances store one summary per ticket. Failures are retried later, a few times.
/// </summary>
public sealed partial class TicketSummaries(
    LanguageModelGateway gateway,
    IServiceScopeFactory scopes,
    TicketProtector protector,
    IOptions<LanguageModelOptions> options,
    TimeProvider clock,
    ILogger<TicketSummaries> logger)
{
    public const string Label = "自動要約（機械生成・要確認）";
    public const string EventKind = "summary";
    public const int Lines = 3;
    public const int MaxLineLength = 120;

    private const int MaxTranscriptLength = 8000;
    private const int MaxEntryLength = 600;

    private const string Task = """
        The DATA is the transcript of an intake chat in Japanese (lines starting 相談者: are the person,
        lines starting 窓口: are the intake bot). Write a summary for the center's coordinator in exactly
        three lines of plain Japanese, each at most 80 characters: 1) who is asking about whom and their
        situation, 2) the key dates and needs stated, 3) what the person asks the center for. State only
        what the transcript says; do not judge priority or eligibility. Plain text only: no headings,
        no markdown, no extra lines.
        """;

    /// <summary>Summarises the tickets that are due; returns how many got a summary.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var oldest = now.AddHours(-settings.SummaryMaxAgeHours);
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            due = await db.TicketCases.AsNoTracking()
                .Where(c => c.ProtectedSummary == null && c.SummaryAttempts < settings.SummaryMaxAttempts
                            && (c.SummaryDueAt == null || c.SummaryDueAt <= now) && c.Ticket.CreatedAt >= oldest)
                .OrderBy(c => c.TicketId).Select(c => c.TicketId).Take(10).ToListAsync(cancellationToken);
        }

        var done = 0;
        foreach (var id in due)
        {
            if (await SummariseAsync(id, cancellationToken))
            {
                done++;
            }
        }

        return done;
    }

    private async Task<bool> SummariseAsync(long ticketId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = clock.GetUtcNow();

        // Take it: only one instance gets 1 here; the lease ends after the model's timeout.
        var lease = now + settings.SummaryTimeout + TimeSpan.FromMinutes(1);
        var taken = await db.TicketCases
            .Where(c => c.TicketId == ticketId && c.ProtectedSummary == null && c.SummaryAttempts < settings.SummaryMaxAttempts
                        && (c.SummaryDueAt == null || c.SummaryDueAt <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.SummaryAttempts, c => c.SummaryAttempts + 1).SetProperty(c => c.SummaryDueAt, lease), cancellationToken);
        if (taken == 0)
        {
            return false;
        }

        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId, cancellationToken);
        var transcript = TicketIntake.Read<List<TranscriptEntry>>(protector, ticket.TranscriptJson);
        var record = TicketIntake.Read<IntakeRecord>(protector, ticket.RecordJson);
        var result = await gateway.AskAsync(
            new ModelRequest(ModelUse.Summary, Task, TranscriptText(transcript), settings.SummaryTimeout, MaxTokens: 400,
                TicketReference: ticket.ReferenceNumber, KnownPersonal: Known(record)),
            cancellationToken);
        var summary = result.Succeeded ? Normalize(result.Restore(result.Content!)) : null;
        if (summary is null)
        {
            var attempts = await db.TicketCases.AsNoTracking().Where(c => c.TicketId == ticketId).Select(c => c.SummaryAttempts).SingleAsync(cancellationToken);
            var wait = result.RetryAfter is { } asked && asked > TimeSpan.Zero
                ? asked
                : TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(attempts, 8)));
            var next = clock.GetUtcNow() + wait;
            await db.TicketCases.Where(c => c.TicketId == ticketId && c.ProtectedSummary == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.SummaryDueAt, next), cancellationToken);
            LogFailed(logger, ticket.ReferenceNumber, result.Succeeded ? "unusable answer" : result.Outcome, attempts);
            return false;
        }

        var at = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.TicketCases.Where(c => c.TicketId == ticketId && c.ProtectedSummary == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ProtectedSummary, protector.Protect(summary)).SetProperty(c => c.SummaryAt, at), cancellationToken);
        if (stored == 1)
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = at, Actor = LanguageModelGateway.AuditActor, Kind = EventKind, Detail = Label });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogStored(logger, ticket.ReferenceNumber);
        return stored == 1;
    }

    /// <summary>
    /// The name and contact the person typed as bare answers (「山本 花子」), which no recognizer can
    /// tell from other words without a cue: replaced wherever they appear in the transcript.
    /// </summary>
    private static List<(PiiCategory, string)> Known(IntakeRecord record)
    {
        var known = new List<(PiiCategory, string)>();
        if (!string.IsNullOrWhiteSpace(record.AskerName))
        {
            known.Add((PiiCategory.Person, record.AskerName));
        }

        if (!string.IsNullOrWhiteSpace(record.Phone))
        {
            known.Add((PiiCategory.PhoneNumber, record.Phone));
        }

        if (!string.IsNullOrWhiteSpace(record.Email))
        {
            known.Add((PiiCategory.Email, record.Email));
        }

        return known;
    }

    /// <summary>The transcript as the model sees it (before redaction): who said what, long lines cut.</summary>
    public static string TranscriptText(IReadOnlyList<TranscriptEntry> transcript)
    {
        var text = new StringBuilder();
        foreach (var entry in transcript)
        {
            var line = entry.Text.Replace('\n', ' ').Trim();
            line = line.Length <= MaxEntryLength ? line : line[..MaxEntryLength] + "…";
            var next = $"{(entry.FromUser ? "相談者" : "窓口")}: {line}\n";
            if (text.Length + next.Length > MaxTranscriptLength)
            {
                break;
            }

            text.Append(next);
        }

        return text.ToString();
    }

    /// <summary>
    /// At most three non-empty plain lines, list marks removed, each cut to
    /// <see cref="MaxLineLength"/>; null when nothing usable is left or it repeats the prompt.
    /// </summary>
    public static string? Normalize(string answer)
    {
        if (PromptText.LooksLikePrompt(answer))
        {
            return null;
        }

        var lines = answer.Split('\n')
            .Select(l => l.Trim().TrimStart('-', '*', '・', '#', ' ', '　').Trim())
            .Select(l => l.Length > 2 && char.IsDigit(l[0]) && (l[1] is '.' or ')' or '）' or '．') ? l[2..].Trim() : l)
            .Where(l => l.Length > 0)
            .Take(Lines)
            .Select(l => l.Length <= MaxLineLength ? l : l[..MaxLineLength] + "…")
            .ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {ReferenceNumber}: machine summary stored")]
    private static partial void LogStored(ILogger logger, string referenceNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {ReferenceNumber}: no machine summary ({Reason}, attempt {Attempt}); retried later")]
    private static partial void LogFailed(ILogger logger, string referenceNumber, string reason, int attempt);
}

/// <summary>Runs <see cref="TicketSummaries"/> every <see cref="LanguageModelOptions.SummaryPollSeconds"/>.</summary>
public sealed partial class TicketSummaryWorker(TicketSummaries summaries, IOptions<LanguageModelOptions> options, TimeProvider clock, ILogger<TicketSummaryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await summaries.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogError(logger, ex.GetType().Name);
            }

            try
            {
                await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(options.Value.SummaryPollSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Machine summaries: a round failed ({Error}); next round as usual")]
    private static partial void LogError(ILogger logger, string error);
}
