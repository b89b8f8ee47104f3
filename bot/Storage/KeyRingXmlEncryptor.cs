using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Encrypts the secret part of each new Data Protection key (its master key) with the current
/// key-encryption key: AES-256-GCM, a random nonce, the key-encryption key's id in the element
/// (and bound in as associated data) so that <see cref="KeyRingXmlDecryptor"/> picks the right one.
/// </summary>
public sealed class KeyRingXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public const string ElementName = "intakebotEncryptedSecret";
    public const string KeyIdAttribute = "kek";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var (id, key) = keys.Current;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), AssociatedData(id));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName, new XAttribute("version", 1), new XAttribute(KeyIdAttribute, id), Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }

    /// <summary>What <see cref="KeyRingXmlDecryptor"/> undoes: nonce, ciphertext, tag.</summary>
    public static XElement Decrypt(XElement encryptedElement, KeyEncryptionKeys keys)
    {
        var id = encryptedElement.Attribute(KeyIdAttribute)?.Value
                 ?? throw new CryptographicException("The Data Protection key names no key-encryption key.");
        if (!keys.TryGet(id, out var key))
        {
            throw new CryptographicException(
                $"The Data Protection key ring was encrypted with key-encryption key {id}, which is not in {keys.Folder} (DataProtection:SecretsFolder). "
                + "Restore that folder from the installation the data comes from; the data folder alone cannot be opened.");
        }

        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var length = sealedBytes.Length - NonceSize - TagSize;
        if (length < 0)
        {
            throw new CryptographicException("The encrypted Data Protection key is truncated.");
        }

        var plaintext = new byte[length];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plaintext, AssociatedData(id));
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(string id) => Encoding.UTF8.GetBytes("IntakeBot.KeyRing.v1:" + id);
}
