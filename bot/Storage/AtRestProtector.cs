using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Encrypts personal text at rest with ASP.NET Core Data Protection (authenticated encryption;
/// key ring under the data folder unless <c>DataProtection:KeysFolder</c> says otherwise). Each
/// kind of data has its own purpose, so a ticket's ciphertext cannot be read as a conversation's.
/// </summary>
public abstract class AtRestProtector(IDataProtectionProvider provider, string purpose)
{
    private readonly IDataProtector _protector = provider.CreateProtector(purpose);

    public string Protect(string plain) => _protector.Protect(plain);

    /// <summary>
    /// The same stored form as <see cref="Protect(string)"/> (base64url of the ciphertext of the
    /// UTF-8), from UTF-8 JSON written straight to bytes: a conversation's state is sealed at
    /// every turn, and its text as a UTF-16 string first was a good part of what a turn allocates.
    /// </summary>
    public string Protect(byte[] utf8) => Base64Url.EncodeToString(_protector.Protect(utf8));

    /// <summary>
    /// The ciphertext itself, for a binary column: 25 % smaller than its base64url text, and
    /// nothing to encode or transcode for the state that every turn writes.
    /// </summary>
    public byte[] ProtectToBytes(byte[] utf8) => _protector.Protect(utf8);

    /// <summary>
    /// Decrypts what <see cref="ProtectToBytes"/> gave, or what a binary column holds from
    /// before: the text of <see cref="Protect(byte[])"/> or plain JSON, as UTF-8.
    /// </summary>
    public byte[] UnprotectBytes(byte[] stored) =>
        stored.AsSpan().StartsWith(MagicHeader) ? _protector.Unprotect(stored) : UnprotectToUtf8(Encoding.UTF8.GetString(stored));

    /// <summary>Decrypts; a value stored before encryption was introduced (plain JSON) is returned as it is.</summary>
    public string Unprotect(string stored) =>
        IsPlainJson(stored) ? stored : _protector.Unprotect(stored);

    /// <summary>Decrypts to UTF-8 bytes; a value stored before encryption was introduced (plain JSON) is returned as its bytes.</summary>
    public byte[] UnprotectToUtf8(string stored) =>
        IsPlainJson(stored) ? Encoding.UTF8.GetBytes(stored) : _protector.Unprotect(Base64Url.DecodeFromChars(stored));

    // Data Protection's payloads start with it (KeyRingBasedDataProtector's magic header, big-endian).
    private static ReadOnlySpan<byte> MagicHeader => [0x09, 0xF0, 0xC9, 0xF0];

    // Ciphertext is base64url, which never starts with a brace or a bracket.
    private static bool IsPlainJson(string stored) => stored.Length > 0 && stored[0] is '{' or '[';
}
