using IntakeBot.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Storage.PostgreSql;

/// <summary>
/// Ticket numbers on PostgreSQL, where instances run turns in parallel: without a lock, intakes
/// finishing together all read the same highest number and all but one retry, again and again.
/// The advisory lock is held until the turn's transaction ends.
/// </summary>
public sealed class PostgreSqlTicketNumbers(IntakeDbContext db) : TicketNumbers
{
    // Any constant shared by all instances; names the lock in pg_locks.
    private const long TicketNumberLock = 0x4b4e_5449_434b_4554;

    private readonly Dictionary<int, int> _highest = [];
    private bool _locked;

    public override async ValueTask<int> NextAsync(int year, CancellationToken cancellationToken)
    {
        if (!_locked)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [TicketNumberLock], cancellationToken);
            _locked = true;
        }

        if (!_highest.TryGetValue(year, out var highest))
        {
            highest = await db.Tickets.Where(t => t.Year == year).MaxAsync(t => (int?)t.YearSequence, cancellationToken) ?? 0;
        }

        _highest[year] = highest + 1;
        return highest + 1;
    }
}
