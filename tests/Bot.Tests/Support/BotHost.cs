using IntakeBot.Bot.Hosting;
using IntakeBot.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port, with production settings (rate limits
/// on) and a temporary data folder. Disposing stops it; the folder is kept when asked, so a new
/// host can start on the same data (the restart test).
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string Secret = "test-directline-secret-0123456789";

    private readonly WebApplication _app;
    private readonly bool _keepData;

    private BotHost(WebApplication app, string dataFolder, bool keepData, LogCollector logs)
    {
        _app = app;
        _keepData = keepData;
        DataFolder = dataFolder;
        Logs = logs;
        BaseUrl = app.Urls.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }
    public HttpClient Client { get; }
    public string DataFolder { get; }
    public LogCollector Logs { get; }
    public IServiceProvider Services => _app.Services;
    public string DatabasePath => Path.Combine(DataFolder, "intakebot.db");

    public static async Task<BotHost> StartAsync(
        string? dataFolder = null, IDictionary<string, string?>? settings = null, bool keepData = false,
        Action<WebApplicationBuilder>? configure = null)
    {
        dataFolder ??= Path.Combine(Path.GetTempPath(), "intakebot-tests", Guid.NewGuid().ToString("N"));
        var args = new List<string>
        {
            "--contentRoot", RepoPaths.Bot,
            "--urls", "http://127.0.0.1:0",
            "--Storage:DataFolder", dataFolder,
            // Beside the data folder, not in the repository: a restart on the same data finds it.
            "--DataProtection:SecretsFolder", SecretsFolderOf(dataFolder),
            "--DirectLine:Secret", Secret,
            "--DirectLine:AllowedOrigins:0", "https://center.example.jp",
            "--Logging:LogLevel:Default", "Information",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Warning",
        };
        foreach (var (key, value) in TestDatabase.SettingsFor(dataFolder))
        {
            args.Add("--" + key);
            args.Add(value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add("--" + key);
            args.Add(value ?? string.Empty);
        }

        var builder = BotApp.CreateBuilder([.. args]);
        var logs = new LogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        configure?.Invoke(builder);
        var app = await BotApp.BuildAsync(builder);
        await app.StartAsync();
        return new BotHost(app, dataFolder, keepData, logs);
    }

    /// <summary>The key-encryption keys of a host on <paramref name="dataFolder"/> (unless a test says otherwise).</summary>
    public static string SecretsFolderOf(string dataFolder) => dataFolder.TrimEnd('/') + ".secrets";

    /// <summary>Runs a query on the host's database in its own scope.</summary>
    public async Task<T> DbAsync<T>(Func<IntakeDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IntakeDbContext>());
    }

    /// <summary>Everything stored about a conversation, to compare before and after a rejected request.</summary>
    public Task<string> SnapshotAsync(string conversationKey) => DbAsync(async db =>
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationKey);
        var activities = await db.Activities.AsNoTracking().Where(a => a.ConversationId == conversationKey).OrderBy(a => a.Sequence).Select(a => a.Json).ToListAsync();
        var processed = await db.ProcessedActivities.AsNoTracking().CountAsync(p => p.ConversationId == conversationKey);
        var tickets = await db.Tickets.AsNoTracking().CountAsync(t => t.ConversationId == conversationKey);
        return $"{conversation?.Version}|{conversation?.LastSequence}|{(conversation is null ? null : Convert.ToBase64String(conversation.SealedState))}|{string.Join("\n", activities)}|{processed}|{tickets}";
    });

    /// <summary>
    /// What an attacker with the disk would read: on SQLite the database file and its write-ahead
    /// log byte for byte; on PostgreSQL every row of every table as the server stores its text.
    /// </summary>
    public async Task<byte[]> StoredBytesAsync()
    {
        if (!TestDatabase.UsesPostgreSql)
        {
            var bytes = new List<byte>();
            foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes.AddRange(copy.ToArray());
            }

            return [.. bytes];
        }

        var rows = await DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var all = new System.Text.StringBuilder();
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT t::text FROM \"{table}\" t";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    all.Append(reader.GetString(0)).Append('\n');
                }
            }

            return all.ToString();
        });
        return System.Text.Encoding.UTF8.GetBytes(rows);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_keepData)
        {
            await TestDatabase.DropAsync(DataFolder);
            try
            {
                Directory.Delete(DataFolder, recursive: true);
                if (Directory.Exists(SecretsFolderOf(DataFolder)))
                {
                    Directory.Delete(SecretsFolderOf(DataFolder), recursive: true);
                }
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
