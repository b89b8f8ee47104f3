using IntakeBot.Bot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Tickets;

/// <summary>Encrypts a ticket's personal free text at rest (record, triage, transcript, name, notes).</summary>
public sealed class TicketProtector(IDataProtectionProvider provider, DataKeyRing keys) : AtRestProtector(provider, keys, "IntakeBot.Tickets.v1");
