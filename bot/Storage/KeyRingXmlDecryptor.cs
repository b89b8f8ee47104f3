using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Decrypts what <see cref="KeyRingXmlEncryptor"/> encrypted. Data Protection creates it by the
/// type name written in each key's XML, with the host's services.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingXmlEncryptor.Decrypt(encryptedElement, services.GetRequiredService<KeyEncryptionKeys>());
}
