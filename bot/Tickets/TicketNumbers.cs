namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Hands out each year's next ticket number inside the transaction that stores the ticket: the
/// year's highest stored number plus one, so a turn that fails gives its number back with its
/// rollback and numbers are neither shared nor skipped. Each store has its own way of seeing
/// every earlier ticket (SQLite's group commit writes serially; PostgreSQL takes a lock).
/// </summary>
public abstract class TicketNumbers
{
    public abstract ValueTask<int> NextAsync(int year, CancellationToken cancellationToken);
}
