using IntakeBot.Bot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Tickets;

/// <summary>Encrypts a ticket's personal free text at rest (record, triage, transcript, name, notes).</summary>
public sealed class TicketProtector(IDataProtectionProvider provider) : AtRestProtector(provider, "IntakeBot.Tickets.v1");
