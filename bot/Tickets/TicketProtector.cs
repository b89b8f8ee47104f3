using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Encrypts a ticket's personal free text at rest (record, triage, transcript, name, notes)
/// with ASP.NET Core Data Protection (authenticated encryption; key ring under the data folder
/// unless <c>DataProtection:KeysFolder</c> says otherwise).
/// </summary>
public sealed class TicketProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("IntakeBot.Tickets.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    /// <summary>Decrypts; a value stored before encryption was introduced (plain JSON) is returned as it is.</summary>
    public string Unprotect(string stored) =>
        stored.Length > 0 && stored[0] is '{' or '[' ? stored : _protector.Unprotect(stored);
}
