using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Sets the SQLite pragmas on every connection, because most of them are per connection:
/// WAL so readers (polling) never block the writer; synchronous=FULL because with NORMAL an
/// acknowledged turn may roll back on power loss; secure_delete so text deleted after a
/// refused consent is overwritten in the file, not left in free pages; busy_timeout so two
/// writers wait for each other instead of failing.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
