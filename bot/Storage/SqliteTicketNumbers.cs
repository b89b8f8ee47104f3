using IntakeBot.Bot.Tickets;
using Microsoft.Data.Sqlite;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Ticket numbers in SQLite's group commit. Only its writer thread writes tickets, so the year's
/// highest number is read once and then counted on in memory instead of asked for with every
/// ticket. Whatever undoes a write (a turn's savepoint, a failed batch) must call
/// <see cref="Forget"/>, and the next number is read from the database again; so is it when
/// another process wrote a ticket meanwhile, which makes the insert fail and the turn rerun.
/// </summary>
public sealed class SqliteTicketNumbers(SqliteConnection connection) : TicketNumbers, IDisposable
{
    private readonly Dictionary<int, int> _highest = [];
    private SqliteCommand? _max;

    /// <summary>The batch's transaction, which the reads must join.</summary>
    public SqliteTransaction? Transaction { get; set; }

    public override ValueTask<int> NextAsync(int year, CancellationToken cancellationToken)
    {
        if (!_highest.TryGetValue(year, out var highest))
        {
            if (_max is null)
            {
                _max = connection.CreateCommand();
                _max.CommandText = """SELECT MAX("YearSequence") FROM "tickets" WHERE "Year" = $year""";
                _max.Parameters.Add(new SqliteParameter("$year", null));
            }

            _max.Transaction = Transaction;
            _max.Parameters[0].Value = year;
            highest = _max.ExecuteScalar() is long stored ? (int)stored : 0;
        }

        _highest[year] = highest + 1;
        return ValueTask.FromResult(highest + 1);
    }

    public void Forget() => _highest.Clear();

    public void Dispose() => _max?.Dispose();
}
