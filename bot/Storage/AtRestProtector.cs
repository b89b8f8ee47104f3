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

    /// <summary>Decrypts; a value stored before encryption was introduced (plain JSON) is returned as it is.</summary>
    public string Unprotect(string stored) =>
        stored.Length > 0 && stored[0] is '{' or '[' ? stored : _protector.Unprotect(stored);
}
