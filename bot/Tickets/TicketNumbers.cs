namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Hands out each year's next ticket number inside the transaction that stores the ticket: the
/// year's highest stored number plus one, so a turn that fails gives its number back with its
/// rollback and numbers are neither shared nor skipped. The highest number is read once per year
/// and then counted on; each store has its own way of reading it so that it sees every earlier
/// ticket (SQLite's group commit writes serially; PostgreSQL takes a lock).
/// Once counted, the next numbers can also be guessed (<see cref="Guess"/>) by a turn before it
/// queues, so that on SQLite it renders what names them outside the single writer.
/// </summary>
public abstract class TicketNumbers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _highest = [];
    private int _guessed;

    public async ValueTask<int> NextAsync(int year, CancellationToken cancellationToken)
    {
        int highest;
        bool known;
        lock (_gate)
        {
            known = _highest.TryGetValue(year, out highest);
        }

        if (!known)
        {
            highest = await ReadHighestAsync(year, cancellationToken);
        }

        lock (_gate)
        {
            _highest[year] = highest + 1;
        }

        return highest + 1;
    }

    /// <summary>
    /// The first of the numbers the year's next <paramref name="count"/> tickets will most likely
    /// get: the counted highest plus the guesses still out, which are counted as taken until
    /// settled. Null while the year's numbers were not read yet. Only a guess: turns may commit in
    /// another order, and the commit's <see cref="NextAsync"/> decides.
    /// </summary>
    public TicketNumberGuess? Guess(int year, int count)
    {
        lock (_gate)
        {
            if (!_highest.TryGetValue(year, out var highest))
            {
                return null;
            }

            var first = highest + _guessed + 1;
            _guessed += count;
            return new TicketNumberGuess(this, first, count);
        }
    }

    /// <summary>
    /// Drops what was counted: whatever undid a write that took numbers must call this, and the
    /// next number is read from the database again.
    /// </summary>
    public void Forget()
    {
        lock (_gate)
        {
            _highest.Clear();
        }
    }

    internal void Settle(int count)
    {
        lock (_gate)
        {
            _guessed = Math.Max(0, _guessed - count);
        }
    }

    /// <summary>The year's highest stored number, 0 for none, as the caller's transaction sees it.</summary>
    protected abstract ValueTask<int> ReadHighestAsync(int year, CancellationToken cancellationToken);
}
