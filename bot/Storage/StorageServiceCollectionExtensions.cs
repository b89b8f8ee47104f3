using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using IntakeBot.Bot.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace IntakeBot.Bot.Storage;

/// <summary>Registers the database and creates/migrates it on first start.</summary>
public static partial class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        options.Validate();
        services.AddSingleton<TurnCommitter>();
        // One instance: EF Core keeps an internal service provider per logger factory.
        services.AddSingleton(sp => new ExpectedConflictLoggerFactory(sp.GetRequiredService<ILoggerFactory>()));
        if (options.UsesPostgreSql)
        {
            // Resolved as IntakeDbContext everywhere; the subtype only selects PostgreSQL's migrations.
            services.AddDbContext<IntakeDbContext, PostgresIntakeDbContext>(
                (sp, db) => db.UseNpgsql(options.PostgreSqlConnectionStringWithDefaults())
                    .UseLoggerFactory(sp.GetRequiredService<ExpectedConflictLoggerFactory>()).ConfigureWarnings(QuietCommandErrors),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var connectionString = options.ConnectionString(environment.ContentRootPath);
            services.AddSingleton(_ => new SqliteConnectionLeases(connectionString));
            // Options built once, not for every scope: a turn that needs a context (a ticket, a
            // cache miss, a Direct Line read) otherwise rebuilt them and EF Core's lookups with them.
            services.AddDbContext<IntakeDbContext>(
                (sp, db) => db.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqliteConnectionLeases>())
                    .UseLoggerFactory(sp.GetRequiredService<ExpectedConflictLoggerFactory>()).ConfigureWarnings(QuietCommandErrors),
                optionsLifetime: ServiceLifetime.Singleton);
        }

        // The key ring that encrypts conversations and tickets at rest: in the data folder unless
        // DataProtection:KeysFolder says otherwise (keep it out of database backups).
        var keys = KeysFolder(configuration, environment.ContentRootPath, options);
        // Its keys are encrypted with a key-encryption key kept elsewhere, so a copy of the data
        // folder alone opens nothing (KeyRingAtRest checks both at start).
        var keyEncryptionKeys = new KeyEncryptionKeys(SecretsFolder(configuration, environment.ContentRootPath), TimeProvider.System);
        services.AddSingleton(keyEncryptionKeys);
        // AES-256-GCM for new keys: one authenticated pass instead of CBC plus a separate HMAC.
        // Keys made before keep the algorithm written in their own XML, so what they sealed still opens.
        services.AddDataProtection().SetApplicationName("IntakeBot").PersistKeysToFileSystem(new DirectoryInfo(keys))
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        services.Configure<KeyManagementOptions>(management => management.XmlEncryptor = new KeyRingXmlEncryptor(keyEncryptionKeys));
        // Data keys, wrapped by that ring, in its folder: what is sealed with them opens wherever the ring does.
        services.AddSingleton(sp => new DataKeyRing(keys, sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationProtector>();
        return services;
    }

    /// <summary>
    /// EF Core logs a failed command as an error without its exception, so a conflict cannot be
    /// told from a fault there; the failure is logged again where it surfaces, with the
    /// exception: a failed save (<see cref="ExpectedConflictLoggerFactory"/> quiets only
    /// conflicts), a failed query, or the request that did not handle it.
    /// </summary>
    /// <para>
    /// On SQLite, EF Core warns at every migration that rebuilds a table, because its
    /// <c>PRAGMA foreign_keys = 0</c> cannot run inside the migration's transaction. The rebuild
    /// itself still runs in that transaction, and <see cref="MigrateStorageAsync"/> lends none of
    /// the migration's connections again, so a first start has nothing to warn about.
    /// </para>
    private static void QuietCommandErrors(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug));

    /// <summary>Creates the data folder and applies pending migrations before the host takes requests.</summary>
    public static async Task MigrateStorageAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        PrepareFolders(app, options);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                if (db.Database.IsNpgsql())
                {
                    await MigratePostgreSqlAsync(db, app.Logger);
                }
                else
                {
                    await db.Database.MigrateAsync();
                    // A table rebuild turns foreign keys off on its connection: lend none of them again.
                    await db.DisposeAsync();
                    app.Services.GetRequiredService<SqliteConnectionLeases>().Clear();
                }

                return;
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation && attempt < 5)
            {
                // Instances started together race to create the database; the loser finds it
                // made and migrates (EF serializes the migrations themselves with a lock).
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    /// <summary>The key ring's folder: <c>DataProtection:KeysFolder</c>, or <c>keys</c> in the data folder.</summary>
    public static string KeysFolder(IConfiguration configuration, string contentRoot, StorageOptions options) =>
        configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, contentRoot)
            : Path.Combine(options.ResolveDataFolder(contentRoot), "keys");

    /// <summary>Where the key-encryption keys live: <c>DataProtection:SecretsFolder</c>, or <c>secrets</c> under the content root (beside, not in, the data folder).</summary>
    public static string SecretsFolder(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration["DataProtection:SecretsFolder"] is { Length: > 0 } folder ? folder : "secrets", contentRoot);

    /// <summary>
    /// The data folder and everything in it for the service's user only (also what earlier
    /// versions left readable to all), the key ring checked against its key-encryption keys, and
    /// on SQLite the database file created 0600 before SQLite opens it (its -wal and -shm copy that mode).
    /// </summary>
    private static void PrepareFolders(WebApplication app, StorageOptions options)
    {
        var contentRoot = app.Environment.ContentRootPath;
        var dataFolder = options.ResolveDataFolder(contentRoot);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataFolder);
        }
        else
        {
            Directory.CreateDirectory(dataFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        OwnerOnlyFiles.Tighten(dataFolder, recursive: false);
        var keysFolder = KeysFolder(app.Configuration, contentRoot, options);
        OwnerOnlyFiles.Tighten(keysFolder, recursive: true);
        var keys = app.Services.GetRequiredService<KeyEncryptionKeys>();
        var upgraded = KeyRingAtRest.Prepare(keysFolder, dataFolder, keys);
        OwnerOnlyFiles.Tighten(keys.Folder, recursive: false);
        if (upgraded > 0)
        {
            LogKeysEncrypted(app.Logger, upgraded, keys.Current.Id);
        }

        var database = Path.Combine(dataFolder, options.DatabaseFile);
        if (!options.UsesPostgreSql && !File.Exists(database))
        {
            LogCreatingDatabase(app.Logger, database);
        }

        if (!options.UsesPostgreSql && !File.Exists(database) && !OperatingSystem.IsWindows())
        {
            // An empty file is an empty SQLite database.
            using var created = new FileStream(database, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First start: creating the database {Path} (a few seconds)")]
    private static partial void LogCreatingDatabase(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} Data Protection key(s) written in the clear by an earlier version with key-encryption key {KeyId}")]
    private static partial void LogKeysEncrypted(ILogger logger, int count, string keyId);

    /// <summary>
    /// Instances started together would each apply the same pending migration (the second
    /// fails on a column that exists now), so they take turns under a session advisory lock.
    /// </summary>
    private static async Task MigratePostgreSqlAsync(IntakeDbContext db, ILogger logger)
    {
        const long MigrationLock = 0x4d49_4752_4154_4521;
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            LogCreatingDatabase(logger, db.Database.GetDbConnection().Database);
            await creator.CreateAsync();
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", MigrationLock);
            try
            {
                await db.Database.MigrateAsync();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", MigrationLock);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
