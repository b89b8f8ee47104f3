namespace IntakeBot.Bot.Notifications;

/// <summary>
/// The marker that a reminder of a ticket was put into the webhook outbox. One row per ticket
/// and kind (unique), written in the same transaction as the outbox message, so restarts and a
/// second instance never announce the same reminder twice.
/// </summary>
public sealed class DeskReminder
{
    /// <summary>A ticket whose due date is today or past.</summary>
    public const string Due = "due";

    /// <summary>A 業務2 (follow-up) ticket whose follow-up date (its due date) has come.</summary>
    public const string FollowUp = "followup";

    public long Id { get; set; }
    public long TicketId { get; set; }
    public required string Kind { get; set; }
    /// <summary>The date the reminder was about (the ticket's due date then).</summary>
    public DateOnly Date { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
