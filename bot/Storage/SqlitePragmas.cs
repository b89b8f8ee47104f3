namespace IntakeBot.Bot.Storage;

/// <summary>
/// The SQLite pragmas every connection gets when it is opened, because most of them are per
/// connection: WAL so readers (polling) never block the writer; synchronous=FULL because with
/// NORMAL an acknowledged turn may roll back on power loss; secure_delete so text deleted after a
/// refused consent is overwritten in the file, not left in free pages; busy_timeout so two
/// writers wait for each other instead of failing.
/// </summary>
public static class SqlitePragmas
{
    public const string Statements =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
}
