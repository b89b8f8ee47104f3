namespace IntakeBot.Bot.Storage;

/// <summary>Where the conversation database lives ("Storage" section).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file and the token key; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>SQLite file name inside <see cref="DataFolder"/>.</summary>
    public string DatabaseFile { get; set; } = "intakebot.db";

    public string ResolveDataFolder(string contentRoot) => Path.GetFullPath(DataFolder, contentRoot);

    public string ConnectionString(string contentRoot) =>
        $"Data Source={Path.Combine(ResolveDataFolder(contentRoot), DatabaseFile)};Cache=Private;Pooling=True";
}
