using IntakeBot.Bot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>Seals what the LINE channel keeps: received events, reply tokens and user ids (their own purpose).</summary>
public sealed class LineProtector(IDataProtectionProvider provider, DataKeyRing keys) : AtRestProtector(provider, keys, "IntakeBot.Line.v1");
