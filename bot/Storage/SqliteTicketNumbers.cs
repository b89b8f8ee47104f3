using IntakeBot.Bot.Tickets;
using Microsoft.Data.Sqlite;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Ticket numbers in SQLite's group commit. Only its writer thread writes tickets, so one
/// instance lives as long as the writer's connection and counts on across batches instead of
/// asking with every ticket. The writer calls <see cref="TicketNumbers.Forget"/> whenever it
/// undoes a write (a turn's savepoint, a failed batch); a ticket another process wrote meanwhile
/// makes the insert fail, which is such an undo, and the turn reruns.
/// </summary>
public sealed class SqliteTicketNumbers(SqliteConnection connection) : TicketNumbers, IDisposable
{
    private SqliteCommand? _max;

    /// <summary>The batch's transaction, which the reads must join.</summary>
    public SqliteTransaction? Transaction { get; set; }

    protected override ValueTask<int> ReadHighestAsync(int year, CancellationToken cancellationToken)
    {
        if (_max is null)
        {
            _max = connection.CreateCommand();
            _max.CommandText = """SELECT MAX("YearSequence") FROM "tickets" WHERE "Year" = $year""";
            _max.Parameters.Add(new SqliteParameter("$year", null));
        }

        _max.Transaction = Transaction;
        _max.Parameters[0].Value = year;
        return ValueTask.FromResult(_max.ExecuteScalar() is long stored ? (int)stored : 0);
    }

    public void Dispose() => _max?.Dispose();
}
