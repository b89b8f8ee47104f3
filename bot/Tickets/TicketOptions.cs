namespace IntakeBot.Bot.Tickets;

/// <summary>Ticket settings ("Tickets" section).</summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";

    /// <summary>Prefix of reference numbers (<c>KN</c> gives <c>KN-2026-000123</c>).</summary>
    public string ReferencePrefix { get; set; } = "KN";
}
