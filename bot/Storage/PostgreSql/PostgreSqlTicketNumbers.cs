using IntakeBot.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Storage.PostgreSql;

/// <summary>
/// Ticket numbers on PostgreSQL, one instance per turn's transaction. Instances run turns in
/// parallel: without a lock, intakes finishing together all read the same highest number and all
/// but one retry, again and again. The advisory lock is held until the transaction ends.
/// </summary>
public sealed class PostgreSqlTicketNumbers(IntakeDbContext db) : TicketNumbers
{
    // Any constant shared by all instances; names the lock in pg_locks.
    private const long TicketNumberLock = 0x4b4e_5449_434b_4554;

    private bool _locked;

    protected override async ValueTask<int> ReadHighestAsync(int year, CancellationToken cancellationToken)
    {
        if (!_locked)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [TicketNumberLock], cancellationToken);
            _locked = true;
        }

        return await db.Tickets.Where(t => t.Year == year).MaxAsync(t => (int?)t.YearSequence, cancellationToken) ?? 0;
    }
}
