using System.Globalization;
using System.Text.Json;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Triage;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Notifications;

/// <summary>
/// Puts the webhook message for an urgent ticket into the outbox, in the ticket's own
/// transaction. The message carries only the reference number, priority, due date, 業務区分 and
/// a dashboard link: no name, no answers, nothing the person wrote.
/// </summary>
public sealed class UrgentTicketNotice(IOptions<NotificationOptions> options)
{
    public void Enqueue(IntakeDbContext db, TicketRecord ticket, TriageResult triage, DateTimeOffset now)
    {
        var settings = options.Value;
        if (triage.Priority != Priority.Urgent || string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            return;
        }

        var due = triage.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var duty = TicketLabels.Duty((int)triage.Duty);
        var link = Link(settings, ticket.ReferenceNumber);
        var payload = new
        {
            text = $"【緊急】相談票 {ticket.ReferenceNumber}（期限 {due}、{duty}）: {link}",
            referenceNumber = ticket.ReferenceNumber,
            priority = "緊急",
            dueDate = due,
            duty,
            link,
        };
        db.WebhookOutbox.Add(new WebhookMessage
        {
            Ticket = ticket,
            PayloadJson = JsonSerializer.Serialize(payload, JsonOptions),
            NextAttemptMs = now.ToUnixTimeMilliseconds(),
            CreatedAt = now,
        });
    }

    /// <summary>The ticket's page on the dashboard (the link every webhook message carries).</summary>
    public static string Link(NotificationOptions settings, string reference) =>
        settings.DashboardBaseUrl.TrimEnd('/') + "/dashboard/tickets/" + Uri.EscapeDataString(reference);

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
