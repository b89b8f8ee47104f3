using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// The keys that encrypt the Data Protection key ring (key-encryption keys), kept in their own
/// folder outside the data folder (<c>DataProtection:SecretsFolder</c>), so that a copy of the
/// data folder alone opens nothing. One AES-256 key per file <c>{id}.kek</c> (base64), readable by
/// the service's user only. The id sorts by creation time: the newest encrypts new Data
/// Protection keys, every one present decrypts what it encrypted (rotation: add a newer file,
/// keep the older ones until no key of the ring names them).
/// </summary>
public sealed class KeyEncryptionKeys
{
    public const string Extension = ".kek";

    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private string? _current;

    public KeyEncryptionKeys(string folder, TimeProvider clock)
    {
        Folder = folder;
        _clock = clock;
        Reload();
    }

    public string Folder { get; }

    /// <summary>The ids present in the folder (as last read).</summary>
    public IReadOnlyCollection<string> Ids => [.. _keys.Keys];

    /// <summary>The key that encrypts new Data Protection keys; made on first use when the folder holds none.</summary>
    public (string Id, byte[] Key) Current
    {
        get
        {
            lock (_gate)
            {
                if (_current is null)
                {
                    Reload();
                    _current ??= Create();
                }

                return (_current, _keys[_current]);
            }
        }
    }

    /// <summary>The key named <paramref name="id"/>; the folder is read again on a miss (another instance may have added it).</summary>
    public bool TryGet(string id, out byte[] key)
    {
        if (_keys.TryGetValue(id, out key!))
        {
            return true;
        }

        lock (_gate)
        {
            Reload();
        }

        return _keys.TryGetValue(id, out key!);
    }

    private void Reload()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, "*" + Extension))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            if (_keys.ContainsKey(id))
            {
                continue;
            }

            byte[] key;
            try
            {
                key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"The key-encryption key {path} is not base64 text.");
            }

            if (key.Length != 32)
            {
                throw new InvalidOperationException($"The key-encryption key {path} must hold 32 bytes (base64), not {key.Length}.");
            }

            _keys[id] = key;
        }

        _current = _keys.Keys.Order(StringComparer.Ordinal).LastOrDefault();
    }

    private string Create()
    {
        var id = _clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var path = Path.Combine(Folder, id + Extension);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, options))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
            file.Flush(flushToDisk: true);
        }

        // Whole or absent: a key the ring was encrypted with must never be half written.
        File.Move(temporary, path);
        _keys[id] = key;
        return id;
    }
}
