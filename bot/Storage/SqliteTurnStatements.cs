using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Writes a <see cref="TurnWrite"/> on the group commit's connection with statements prepared
/// once per connection. EF Core would build, prepare and parse the same SQL for every turn on the
/// one writer thread that all turns queue behind. The columns must match the EF model (dates as
/// Unix milliseconds, see <see cref="UnixMillisecondsConverter"/>); a test compares them. Failures
/// surface as EF's exceptions so the turn runner treats both paths alike.
/// </summary>
public sealed class SqliteTurnStatements : IDisposable
{
    /// <summary>The columns written, per table, for the test that holds them to the model.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["conversations"] = ["Id", "ExternalId", "ChannelId", "UserId", "SealedState", "Version", "LastSequence", "ServiceUrl", "BotId", "WaitingForPersonSince", "CreatedAt", "UpdatedAt"],
        ["activities"] = ["ConversationId", "Sequence", "ActivityId", "ClientActivityId", "FromUser", "Json", "CreatedAt"],
        ["processed_activities"] = ["ConversationId", "IncomingId", "UserSequence", "FirstReplySequence", "LastReplySequence", "ProcessedAt"],
    };

    private readonly SqliteCommand _insertConversation;
    private readonly SqliteCommand _updateConversation;
    private readonly SqliteCommand _insertActivity;
    private readonly SqliteCommand _insertProcessed;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollBack;

    public SqliteTurnStatements(SqliteConnection connection)
    {
        _insertConversation = Insert(connection, "conversations");
        _insertActivity = Insert(connection, "activities");
        _insertProcessed = Insert(connection, "processed_activities");
        _updateConversation = Command(connection,
            """
            UPDATE "conversations" SET "SealedState" = $SealedState, "Version" = $Version, "LastSequence" = $LastSequence, "ServiceUrl" = $ServiceUrl,
                "WaitingForPersonSince" = $WaitingForPersonSince, "UpdatedAt" = $UpdatedAt
            WHERE "Id" = $Id AND "Version" = $ExpectedVersion
            """,
            ["SealedState", "Version", "LastSequence", "ServiceUrl", "WaitingForPersonSince", "UpdatedAt", "Id", "ExpectedVersion"]);
        // One name serves every turn: each savepoint is released or rolled back before the next.
        _savepoint = Command(connection, "SAVEPOINT turn", []);
        _release = Command(connection, "RELEASE turn", []);
        _rollBack = Command(connection, "ROLLBACK TO turn", []);
    }

    /// <summary>
    /// Marks where a turn's writes begin, so a turn that fails is undone alone
    /// (<see cref="RollBackTurn"/>) and the rest of the batch still commits. Prepared like the
    /// inserts: SqliteTransaction.Save would parse a new statement twice for every turn.
    /// </summary>
    public void BeginTurn(SqliteTransaction transaction) => Run(_savepoint, transaction);

    /// <summary>Keeps the turn's writes in the batch's transaction.</summary>
    public void EndTurn(SqliteTransaction transaction) => Run(_release, transaction);

    /// <summary>Undoes the turn's writes since <see cref="BeginTurn"/> and ends its savepoint.</summary>
    public void RollBackTurn(SqliteTransaction transaction)
    {
        Run(_rollBack, transaction);
        Run(_release, transaction);
    }

    public void Execute(TurnWrite write, SqliteTransaction transaction)
    {
        try
        {
            var c = write.Conversation;
            if (write.IsNew)
            {
                Run(_insertConversation, transaction, c.Id, c.ExternalId, c.ChannelId, c.UserId, c.SealedState, c.Version, c.LastSequence, c.ServiceUrl, c.BotId, Ms(c.WaitingForPersonSince), Ms(c.CreatedAt), Ms(c.UpdatedAt));
            }
            else if (Run(_updateConversation, transaction, c.SealedState, c.Version, c.LastSequence, c.ServiceUrl, Ms(c.WaitingForPersonSince), Ms(c.UpdatedAt), c.Id, write.ExpectedVersion) == 0)
            {
                throw new DbUpdateConcurrencyException($"The conversation changed since version {write.ExpectedVersion}.");
            }

            foreach (var a in write.Activities)
            {
                Run(_insertActivity, transaction, a.ConversationId, a.Sequence, a.ActivityId, a.ClientActivityId, a.FromUser ? 1 : 0, a.Json, Ms(a.CreatedAt));
            }

            if (write.Processed is { } p)
            {
                Run(_insertProcessed, transaction, p.ConversationId, p.IncomingId, p.UserSequence, p.FirstReplySequence, p.LastReplySequence, Ms(p.ProcessedAt));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: the same activity processed before, or the conversation created
            // by a concurrent first turn. As from SaveChanges: the runner reruns the turn.
            throw new DbUpdateException("A turn's row already exists.", ex);
        }
    }

    public void Dispose()
    {
        _insertConversation.Dispose();
        _updateConversation.Dispose();
        _insertActivity.Dispose();
        _insertProcessed.Dispose();
        _savepoint.Dispose();
        _release.Dispose();
        _rollBack.Dispose();
    }

    private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    private static SqliteCommand Insert(SqliteConnection connection, string table)
    {
        var columns = Columns[table];
        var sql = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})""";
        return Command(connection, sql, columns);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        return command;
    }

    private static int Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }
}
