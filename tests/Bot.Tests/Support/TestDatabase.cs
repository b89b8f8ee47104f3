using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>
/// Which store the host tests run on. By default SQLite in the host's data folder; with
/// <c>INTAKEBOT_TEST_STORAGE=PostgreSql</c> every host gets a PostgreSQL database named after its
/// data folder (so two hosts on one folder share it, like the restart and two-instance tests
/// expect) on the server in <c>INTAKEBOT_TEST_POSTGRES</c>. <c>.ci/run</c> runs the host tests both ways.
/// </summary>
public static class TestDatabase
{
    /// <summary>Needs the host on SQLite (reads its files or pragmas): left out of the PostgreSQL pass.</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Picks its store itself (process tests, migrations): run once, left out of the PostgreSQL pass.</summary>
    public const string ChoosesOwnStore = "ChoosesOwnStore";
    private const string StorageVariable = "INTAKEBOT_TEST_STORAGE";
    private const string ServerVariable = "INTAKEBOT_TEST_POSTGRES";

    public static bool UsesPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable(StorageVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The PostgreSQL server for tests that always need one (several instances). Missing in CI is
    /// a failure, never a skip; on a developer machine without it those tests skip with the reason.
    /// </summary>
    public static string? PostgreSqlServer
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(ServerVariable);
            if (string.IsNullOrWhiteSpace(server) && (UsesPostgreSql || IsCi))
            {
                throw new InvalidOperationException(
                    $"{ServerVariable} is not set: the PostgreSQL tests cannot run. .ci/run installs and starts PostgreSQL and sets it.");
            }

            return string.IsNullOrWhiteSpace(server) ? null : server;
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Host settings that put a host whose data lives in <paramref name="dataFolder"/> on the chosen store.</summary>
    public static IEnumerable<(string Key, string Value)> SettingsFor(string dataFolder)
    {
        if (!UsesPostgreSql)
        {
            yield break;
        }

        foreach (var setting in PostgreSqlSettingsFor(dataFolder))
        {
            yield return setting;
        }
    }

    /// <summary>Settings that put a host on its own PostgreSQL database, whatever the pass.</summary>
    public static IEnumerable<(string Key, string Value)> PostgreSqlSettingsFor(string dataFolder) =>
    [
        ("Storage:Provider", "PostgreSql"),
        ("Storage:PostgreSqlConnectionString", PostgreSqlConnectionString(dataFolder)),
    ];

    /// <summary>The same settings as command-line arguments, for hosts and commands built by hand.</summary>
    public static string[] ArgumentsFor(string dataFolder) =>
        [.. SettingsFor(dataFolder).SelectMany(s => new[] { "--" + s.Key, s.Value })];

    public static string PostgreSqlConnectionString(string dataFolder) =>
        new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = DatabaseName(dataFolder) }.ConnectionString;

    /// <summary>Drops the database of a host that is gone for good.</summary>
    public static async Task DropAsync(string dataFolder, bool always = false)
    {
        if (!UsesPostgreSql && !always)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName(dataFolder)}\" WITH (FORCE);";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // An autovacuum worker (the server's own, which the test role may not terminate)
                // is in the database for a moment after heavy writes; it leaves by itself.
                await Task.Delay(200);
            }
        }
    }

    private static string DatabaseName(string dataFolder) =>
        "intakebot_t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..20];
}
