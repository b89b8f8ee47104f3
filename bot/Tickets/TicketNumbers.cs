namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Hands out each year's next ticket number inside the transaction that stores the ticket: the
/// year's highest stored number plus one, so a turn that fails gives its number back with its
/// rollback and numbers are neither shared nor skipped. The highest number is read once per year
/// and then counted on; each store has its own way of reading it so that it sees every earlier
/// ticket (SQLite's group commit writes serially; PostgreSQL takes a lock).
/// </summary>
public abstract class TicketNumbers
{
    private readonly Dictionary<int, int> _highest = [];

    public async ValueTask<int> NextAsync(int year, CancellationToken cancellationToken)
    {
        if (!_highest.TryGetValue(year, out var highest))
        {
            highest = await ReadHighestAsync(year, cancellationToken);
        }

        _highest[year] = highest + 1;
        return highest + 1;
    }

    /// <summary>
    /// Drops what was counted: whatever undid a write that took numbers must call this, and the
    /// next number is read from the database again.
    /// </summary>
    public void Forget() => _highest.Clear();

    /// <summary>The year's highest stored number, 0 for none, as the caller's transaction sees it.</summary>
    protected abstract ValueTask<int> ReadHighestAsync(int year, CancellationToken cancellationToken);
}
