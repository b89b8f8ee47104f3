using System.Globalization;
using System.Text.Json;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Notifications;

/// <summary>
/// Announces each ticket whose due date has come (業務2: its follow-up date, which is its due
/// date) once through the webhook: a <see cref="DeskReminder"/> marker and the outbox message
/// are written in one transaction, and the marker's unique key makes a second run or a second
/// instance fail to write either. Tickets filed today are left to the urgent notice and the
/// desk: their due date has not "come", it was given. Closed tickets get none. The message
/// carries what the urgent notice carries (number, priority, due date, 業務区分, link), nothing
/// personal.
/// </summary>
public sealed partial class DeskReminderJob(
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<DeskReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.ReminderInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Puts the reminders that are due and not yet sent into the outbox; how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            // No receiver: nothing is marked sent, so turning the webhook on later still announces them.
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = IntakeConversation.CenterDate(now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var reminders = db.Set<DeskReminder>();
        var candidates = await TicketDesk.DueBy(db.TicketCases.AsNoTracking(), today)
            .Where(c => !reminders.Any(r => r.TicketId == c.TicketId && r.Kind == (c.Duty == (int)Dialogs.Triage.Duty.FollowUp ? DeskReminder.FollowUp : DeskReminder.Due)))
            .OrderBy(c => c.DueDate).ThenBy(c => c.PriorityRank).ThenBy(c => c.TicketId)
            .Select(c => new { c.TicketId, c.Ticket.ReferenceNumber, c.Ticket.CreatedAt, c.PriorityRank, c.Duty, c.DueDate })
            .Take(200)
            .ToListAsync(cancellationToken);

        var written = 0;
        foreach (var ticket in candidates.Where(c => IntakeConversation.CenterDate(c.CreatedAt) < today))
        {
            var kind = ticket.Duty == (int)Dialogs.Triage.Duty.FollowUp ? DeskReminder.FollowUp : DeskReminder.Due;
            reminders.Add(new DeskReminder { TicketId = ticket.TicketId, Kind = kind, Date = ticket.DueDate, CreatedAt = now });
            db.WebhookOutbox.Add(new WebhookMessage
            {
                TicketId = ticket.TicketId,
                PayloadJson = Payload(settings, kind, ticket.ReferenceNumber, ticket.PriorityRank, ticket.Duty, ticket.DueDate, today),
                NextAttemptMs = now.ToUnixTimeMilliseconds(),
                CreatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                written++;
            }
            catch (DbUpdateException)
            {
                // Another instance wrote this reminder first: its marker and message stand, ours go.
                db.ChangeTracker.Clear();
            }
        }

        if (written > 0)
        {
            LogQueued(logger, written);
        }

        return written;
    }

    private static string Payload(NotificationOptions settings, string kind, string reference, int priorityRank, int duty, DateOnly dueDate, DateOnly today)
    {
        var due = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var priority = TicketLabels.Priority(priorityRank);
        var dutyLabel = TicketLabels.Duty(duty);
        var link = UrgentTicketNotice.Link(settings, reference);
        var text = kind == DeskReminder.FollowUp
            ? $"【フォロー日】相談票 {reference}（{dutyLabel}、フォロー日 {due}）のフォロー日が来ました: {link}"
            : $"【期限{(dueDate < today ? "切れ" : "")}】相談票 {reference}（{priority}、期限 {due}、{dutyLabel}）の期限が{(dueDate < today ? "過ぎています" : "今日です")}: {link}";
        return JsonSerializer.Serialize(new { text, reminder = kind, referenceNumber = reference, priority, dueDate = due, duty = dutyLabel, link }, UrgentTicketNotice.JsonOptions);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk reminders: {Count} queued for the webhook")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk reminder run failed ({Error}); trying again later")]
    private static partial void LogRunFailed(ILogger logger, string error);
}
