using System.Security.Cryptography;
using IntakeBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>
/// The HMAC key of Direct Line tokens: from configuration, or else a random key created once in
/// the data folder, so tokens stay valid across restarts and are shared by instances on one folder.
/// </summary>
public sealed class TokenSigningKey
{
    private const string FileName = "directline-token.key";

    public TokenSigningKey(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        Bytes = options.Value.TokenSigningKey.Length > 0
            ? Convert.FromBase64String(options.Value.TokenSigningKey)
            : LoadOrCreate(Path.Combine(storage.Value.ResolveDataFolder(environment.ContentRootPath), FileName));
        if (Bytes.Length < 32)
        {
            throw new InvalidOperationException("DirectLine:TokenSigningKey must be at least 32 bytes (base64).");
        }
    }

    public byte[] Bytes { get; }

    private static byte[] LoadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Only this user may read the key that signs every token.
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, file);
            stream.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance (or an earlier start) made it first.
            return File.ReadAllBytes(path);
        }
    }
}
