namespace IntakeBot.Bot.Audit;

/// <summary>One line of the append-only audit log: who did what to which ticket, when, and whether it was allowed.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public long? UserId { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public string? TicketReference { get; set; }
    /// <summary><c>ok</c>, <c>denied</c> or <c>notfound</c>.</summary>
    public required string Outcome { get; set; }
    public string? Detail { get; set; }
}
