namespace IntakeBot.Bot.Tickets;

/// <summary>
/// What the person wrote after sending the intake (追記), added to the case's intake ticket with
/// its time; the text is protected with Data Protection like the rest of the ticket.
/// </summary>
public sealed class TicketAddendum
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ProtectedText { get; set; }
}
