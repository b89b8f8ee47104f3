namespace IntakeBot.Bot.Storage;

/// <summary>Where the conversation database lives ("Storage" section).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The embedded default: one SQLite file in <see cref="DataFolder"/>.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>The scale-out store: several instances share one PostgreSQL database.</summary>
    public const string PostgreSql = "PostgreSql";

    /// <summary><see cref="Sqlite"/> (default) or <see cref="PostgreSql"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Npgsql connection string, used when <see cref="Provider"/> is <see cref="PostgreSql"/>.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and the token key; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>SQLite file name inside <see cref="DataFolder"/>.</summary>
    public string DatabaseFile { get; set; } = "intakebot.db";

    /// <summary>
    /// Connections each instance may hold when the connection string does not say
    /// (<c>Maximum Pool Size</c>). Npgsql's own default, 100, is PostgreSQL's whole default
    /// max_connections: one busy instance would take every slot and the next connection,
    /// from it or another instance, fails. A turn that finds the pool busy waits instead.
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>
    /// How large SQLite's write-ahead log may grow under load that never pauses before the
    /// writer stops once to let it start again from its beginning. That stop copies the last
    /// frames and fsyncs the database file, a few milliseconds every turn queued meanwhile waits:
    /// a larger log means fewer stops and more disk. Under lighter load the log starts again by
    /// itself whenever the writer pauses.
    /// </summary>
    public int WalRestartMegabytes { get; set; } = 64;

    public string PostgreSqlConnectionStringWithDefaults()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlConnectionString);
        if (!PostgreSqlConnectionString!.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)
            && !PostgreSqlConnectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    public bool UsesPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    public string ResolveDataFolder(string contentRoot) => Path.GetFullPath(DataFolder, contentRoot);

    /// <summary>
    /// Not pooled by Microsoft.Data.Sqlite (see <see cref="SqliteConnectionLeases"/>): EF Core's
    /// connections are lent by the host, and the writer and the checkpointer keep their own open.
    /// </summary>
    public string ConnectionString(string contentRoot) =>
        $"Data Source={Path.Combine(ResolveDataFolder(contentRoot), DatabaseFile)};Cache=Private;Pooling=False";

    /// <summary>Which database this is, for people (the SQLite file, or PostgreSQL's host and database; never a password).</summary>
    public string Describe(string contentRoot)
    {
        if (!UsesPostgreSql)
        {
            return $"SQLite {Path.Combine(ResolveDataFolder(contentRoot), DatabaseFile)}";
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlConnectionString);
        return $"PostgreSQL {connection.Host}:{connection.Port}/{connection.Database ?? connection.Username}";
    }

    /// <summary>Throws at start, with the setting to fix, rather than failing on the first turn.</summary>
    public void Validate()
    {
        if (!UsesPostgreSql && !string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider must be '{Sqlite}' or '{PostgreSql}', not '{Provider}'.");
        }

        if (UsesPostgreSql && string.IsNullOrWhiteSpace(PostgreSqlConnectionString))
        {
            throw new InvalidOperationException("Storage:Provider is PostgreSql but Storage:PostgreSqlConnectionString is empty.");
        }

        if (WalRestartMegabytes is < 1 or > 4096)
        {
            throw new InvalidOperationException($"Storage:WalRestartMegabytes must be from 1 to 4096, not {WalRestartMegabytes}.");
        }
    }
}
