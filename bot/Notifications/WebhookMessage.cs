namespace IntakeBot.Bot.Notifications;

/// <summary>
/// An urgent-ticket notification still to be posted to the webhook: written in the ticket's
/// transaction (an outbox), so a committed urgent ticket is announced even after a crash.
/// The payload holds no personal data.
/// </summary>
public sealed class WebhookMessage
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Tickets.TicketRecord Ticket { get; set; } = null!;
    public required string PayloadJson { get; set; }
    public int Attempts { get; set; }
    /// <summary>Unix milliseconds of the next try.</summary>
    public long NextAttemptMs { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int? LastStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
