using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using IntakeBot.Bot.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace IntakeBot.Bot.Storage;

/// <summary>Registers the database and creates/migrates it on first start.</summary>
public static class StorageServiceCollectionExtensions
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
        var keys = configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, environment.ContentRootPath)
            : Path.Combine(options.ResolveDataFolder(environment.ContentRootPath), "keys");
        // AES-256-GCM for new keys: one authenticated pass instead of CBC plus a separate HMAC.
        // Keys made before keep the algorithm written in their own XML, so what they sealed still opens.
        services.AddDataProtection().SetApplicationName("IntakeBot").PersistKeysToFileSystem(new DirectoryInfo(keys))
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
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
    private static void QuietCommandErrors(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug));

    /// <summary>Creates the data folder and applies pending migrations before the host takes requests.</summary>
    public static async Task MigrateStorageAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        Directory.CreateDirectory(options.ResolveDataFolder(app.Environment.ContentRootPath));
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                if (db.Database.IsNpgsql())
                {
                    await MigratePostgreSqlAsync(db);
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

    /// <summary>
    /// Instances started together would each apply the same pending migration (the second
    /// fails on a column that exists now), so they take turns under a session advisory lock.
    /// </summary>
    private static async Task MigratePostgreSqlAsync(IntakeDbContext db)
    {
        const long MigrationLock = 0x4d49_4752_4154_4521;
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
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
