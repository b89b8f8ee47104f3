using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Encrypts personal text at rest: AES-256-GCM under the <see cref="DataKeyRing"/>'s data keys,
/// which ASP.NET Core Data Protection wraps (key ring under the data folder unless
/// <c>DataProtection:KeysFolder</c> says otherwise). Each kind of data has its own purpose, so a
/// ticket's ciphertext cannot be read as a conversation's. What Data Protection sealed itself
/// before the data keys, and plain JSON from before encryption, still open.
/// </summary>
public abstract class AtRestProtector(IDataProtectionProvider provider, DataKeyRing keys, string purpose)
{
    // Payloads from before the data keys were sealed by Data Protection itself, under this purpose.
    private readonly IDataProtector _legacy = provider.CreateProtector(purpose);
    private readonly byte[] _purpose = Encoding.UTF8.GetBytes(purpose);

    public string Protect(string plain) => Protect(Encoding.UTF8.GetBytes(plain));

    /// <summary>
    /// The stored text form: base64url of the ciphertext of the UTF-8, from UTF-8 JSON written
    /// straight to bytes (no UTF-16 string in between).
    /// </summary>
    public string Protect(byte[] utf8) => Base64Url.EncodeToString(keys.Seal(utf8, _purpose));

    /// <summary>
    /// The ciphertext itself, for a binary column: 25 % smaller than its base64url text, and
    /// nothing to encode or transcode for the state that every turn writes.
    /// </summary>
    public byte[] ProtectToBytes(byte[] utf8) => keys.Seal(utf8, _purpose);

    /// <summary>
    /// Decrypts what <see cref="ProtectToBytes"/> gave, or what a binary column holds from
    /// before: Data Protection's ciphertext, the text of <see cref="Protect(byte[])"/>, or plain JSON, as UTF-8.
    /// </summary>
    public byte[] UnprotectBytes(byte[] stored) =>
        DataKeyRing.IsSealed(stored) || stored.AsSpan().StartsWith(DataProtectionMagic)
            ? Open(stored)
            : UnprotectToUtf8(Encoding.UTF8.GetString(stored));

    /// <summary>Decrypts; a value stored before encryption was introduced (plain JSON) is returned as it is.</summary>
    public string Unprotect(string stored) =>
        IsPlainJson(stored) ? stored : Encoding.UTF8.GetString(UnprotectToUtf8(stored));

    /// <summary>Decrypts to UTF-8 bytes; a value stored before encryption was introduced (plain JSON) is returned as its bytes.</summary>
    public byte[] UnprotectToUtf8(string stored)
    {
        if (IsPlainJson(stored))
        {
            return Encoding.UTF8.GetBytes(stored);
        }

        return Open(Base64Url.DecodeFromChars(stored));
    }

    // A data key's payload, or Data Protection's own from before the data keys.
    private byte[] Open(byte[] payload) =>
        DataKeyRing.IsSealed(payload) ? keys.Open(payload, _purpose) : _legacy.Unprotect(payload);

    // Data Protection's payloads start with it (KeyRingBasedDataProtector's magic header, big-endian).
    private static ReadOnlySpan<byte> DataProtectionMagic => [0x09, 0xF0, 0xC9, 0xF0];

    // Ciphertext is base64url, which never starts with a brace or a bracket.
    private static bool IsPlainJson(string stored) => stored.Length > 0 && stored[0] is '{' or '[';
}
