using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Envelope encryption for data at rest: AES-256-GCM under data keys that Data Protection wraps.
/// A Data Protection payload derives a fresh key by HMAC and builds a new cipher for every value,
/// about 20 µs, and a turn seals three or four values; here the cipher is built once per thread.
/// <para>
/// Each process makes its own data key when it first seals and a new one every day, and never
/// encrypts with a key it did not make: so the nonce can be a counter, unique without
/// coordination between instances or restarts. The key is written wrapped by the Data
/// Protection key ring (<c>data-keys/</c> in its folder, flushed to disk before anything sealed
/// with it can be committed), so every instance that shares the ring can open what any sealed.
/// </para>
/// </summary>
public sealed class DataKeyRing
{
    /// <summary>How a payload sealed here starts, told apart from a Data Protection payload (09 F0 C9 F0) and from plain JSON.</summary>
    public static ReadOnlySpan<byte> Magic => "IBK\u0001"u8;

    private const string WrapPurpose = "IntakeBot.DataKeys.v1";
    private const int KeyIdSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Magic, key id, nonce and tag before the ciphertext.</summary>
    public const int Overhead = 4 + KeyIdSize + NonceSize + TagSize;

    [ThreadStatic]
    private static (DataKey Key, AesGcm Cipher)? t_cipher;

    private readonly string _folder;
    private readonly IDataProtector _wrapper;
    private readonly TimeProvider _clock;
    private readonly long _maxSeals;
    private readonly TimeSpan _maxAge;
    private readonly ConcurrentDictionary<Guid, DataKey> _opened = new();
    private readonly Lock _rotation = new();
    private DataKey? _current;

    public DataKeyRing(string keysFolder, IDataProtectionProvider provider, TimeProvider clock)
        : this(keysFolder, provider, clock, maxSeals: 1L << 32, maxAge: TimeSpan.FromDays(1))
    {
    }

    /// <summary>With other rotation limits, so that tests can reach them.</summary>
    public DataKeyRing(string keysFolder, IDataProtectionProvider provider, TimeProvider clock, long maxSeals, TimeSpan maxAge)
    {
        _folder = Path.Combine(keysFolder, "data-keys");
        _wrapper = provider.CreateProtector(WrapPurpose);
        _clock = clock;
        // A 96-bit nonce from a 64-bit counter cannot repeat; the limit only bounds what one key seals.
        _maxSeals = Math.Min(maxSeals, 1L << 32);
        _maxAge = maxAge;
    }

    /// <summary>The folder of the wrapped data keys (inside the Data Protection key ring's).</summary>
    public string Folder => _folder;

    /// <summary>Encrypts <paramref name="plain"/>; <paramref name="purpose"/> is authenticated, so it opens only under the same purpose.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> purpose)
    {
        var (key, counter) = Next();
        var payload = new byte[Overhead + plain.Length];
        var span = payload.AsSpan();
        Magic.CopyTo(span);
        key.Id.TryWriteBytes(span.Slice(4, KeyIdSize));
        var nonce = span.Slice(4 + KeyIdSize, NonceSize);
        BinaryPrimitives.WriteInt64BigEndian(nonce[4..], counter);
        var tag = span.Slice(4 + KeyIdSize + NonceSize, TagSize);
        Span<byte> aad = stackalloc byte[AadLength(purpose)];
        WriteAad(aad, span[..(4 + KeyIdSize)], purpose);
        CipherFor(key).Encrypt(nonce, plain, span[Overhead..], tag, aad);
        return payload;
    }

    /// <summary>True when <paramref name="payload"/> was sealed by a data key ring (of any instance).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> payload) => payload.Length >= Overhead && payload.StartsWith(Magic);

    /// <summary>Decrypts a payload of <see cref="Seal"/>; throws <see cref="CryptographicException"/> if it was altered or sealed for another purpose.</summary>
    public byte[] Open(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> purpose)
    {
        if (!IsSealed(payload))
        {
            throw new CryptographicException("Not a sealed payload.");
        }

        var key = Find(new Guid(payload.Slice(4, KeyIdSize)));
        var plain = new byte[payload.Length - Overhead];
        Span<byte> aad = stackalloc byte[AadLength(purpose)];
        WriteAad(aad, payload[..(4 + KeyIdSize)], purpose);
        CipherFor(key).Decrypt(
            payload.Slice(4 + KeyIdSize, NonceSize), payload[Overhead..], payload.Slice(4 + KeyIdSize + NonceSize, TagSize), plain, aad);
        return plain;
    }

    private static int AadLength(ReadOnlySpan<byte> purpose) => 4 + KeyIdSize + purpose.Length;

    // The header (which key) and the purpose (what kind of data) are authenticated, not encrypted.
    private static void WriteAad(Span<byte> aad, ReadOnlySpan<byte> header, ReadOnlySpan<byte> purpose)
    {
        header.CopyTo(aad);
        purpose.CopyTo(aad[header.Length..]);
    }

    private (DataKey Key, long Counter) Next()
    {
        while (true)
        {
            var key = Volatile.Read(ref _current);
            if (key is not null && key.ExpiresAt > _clock.GetUtcNow())
            {
                var counter = Interlocked.Increment(ref key.Sealed);
                if (counter <= _maxSeals)
                {
                    return (key, counter);
                }
            }

            Rotate(key);
        }
    }

    private void Rotate(DataKey? seen)
    {
        lock (_rotation)
        {
            if (!ReferenceEquals(Volatile.Read(ref _current), seen))
            {
                return;
            }

            var key = new DataKey(Guid.NewGuid(), RandomNumberGenerator.GetBytes(32), _clock.GetUtcNow() + _maxAge);
            Persist(key);
            _opened[key.Id] = key;
            Volatile.Write(ref _current, key);
        }
    }

    /// <summary>
    /// Written and flushed before the key seals anything: a row sealed with a key that a crash
    /// lost could never be read again. Through a temporary file, so a reader never sees half a key.
    /// </summary>
    private void Persist(DataKey key)
    {
        // Readable by the service's user only, like Data Protection's own key files.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var path = PathOf(key.Id);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, options))
        {
            file.Write(_wrapper.Protect(key.Material));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path);
        FlushDirectory();
    }

    // The rename is durable only once the directory's entry is; .NET opens no directory handles.
    private void FlushDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = DirectoryFlush.Open(_folder, DirectoryFlush.ReadOnlyDirectory);
        if (descriptor < 0)
        {
            throw new IOException($"Could not open the data keys' folder to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (DirectoryFlush.Fsync(descriptor) != 0)
            {
                throw new IOException($"Could not flush the data keys' folder (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            DirectoryFlush.Close(descriptor);
        }
    }

    private DataKey Find(Guid id)
    {
        if (_opened.TryGetValue(id, out var key))
        {
            return key;
        }

        var path = PathOf(id);
        if (!File.Exists(path))
        {
            throw new CryptographicException($"The data key {id:N} is not in the key ring's folder.");
        }

        // Expired at once: a key read from disk opens what it sealed and never seals again.
        key = new DataKey(id, _wrapper.Unprotect(File.ReadAllBytes(path)), DateTimeOffset.MinValue);
        return _opened.GetOrAdd(id, key);
    }

    private string PathOf(Guid id) => Path.Combine(_folder, id.ToString("N") + ".key");

    // AesGcm keeps native state that is not safe to share between threads; one per thread, for its last key.
    private static AesGcm CipherFor(DataKey key)
    {
        if (t_cipher is { } cached && ReferenceEquals(cached.Key, key))
        {
            return cached.Cipher;
        }

        t_cipher?.Cipher.Dispose();
        var cipher = new AesGcm(key.Material, TagSize);
        t_cipher = (key, cipher);
        return cipher;
    }

    // DllImport, not LibraryImport: the generated marshalling needs unsafe code in the project.
    private static class DirectoryFlush
    {
        // O_RDONLY | O_DIRECTORY on Linux.
        public const int ReadOnlyDirectory = 0x10000;

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int descriptor);

        [DllImport("libc", EntryPoint = "close")]
        public static extern int Close(int descriptor);
    }

    private sealed class DataKey(Guid id, byte[] material, DateTimeOffset expiresAt)
    {
        public long Sealed;

        public Guid Id { get; } = id;

        public byte[] Material { get; } = material;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
