using System.Security.Cryptography;
using System.Text;
using IntakeBot.Bot.Storage;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// Turns a LINE user id into the keyed hash the database knows the user by. The key is a random
/// file in the secrets folder (beside the key-encryption keys, not in the data folder), so a copy
/// of the database cannot be matched against known LINE ids.
/// </summary>
public sealed class LineUserIds
{
    private const string FileName = "line-user-id.key";

    private readonly byte[] _key;

    public LineUserIds(IConfiguration configuration, IHostEnvironment environment)
        : this(StorageServiceCollectionExtensions.SecretsFolder(configuration, environment.ContentRootPath))
    {
    }

    public LineUserIds(string secretsFolder)
    {
        _key = LoadOrCreate(Path.Combine(secretsFolder, FileName));
    }

    public string Hash(string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId)));

    private static byte[] LoadOrCreate(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, file))
            {
                stream.Write(key);
                stream.Flush(flushToDisk: true);
            }

            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance on the same secrets folder made it first.
            return File.ReadAllBytes(path);
        }
    }
}
