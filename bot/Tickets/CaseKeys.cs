using System.Security.Cryptography;
using System.Text;
using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// The 引き継ぎコード that lets a person come back to their case from another device: made when
/// an intake or handoff ticket is filed, shown once, kept only as a salted PBKDF2 hash on the
/// ticket, and checked here, in the turn's unit of work, when someone gives a 受付番号 and a code.
/// Wrong codes count per ticket (a lock after <see cref="MaxFailures"/>) and per conversation
/// (the core gives up after three); every try is audited like a login. A closed or erased case
/// refuses its code.
/// </summary>
public sealed class CaseKeys(IOptions<TicketOptions> options, CoordinatorReplies replies, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan BlockFor = TimeSpan.FromMinutes(15);

    // The name the audit log shows for the chat side (no staff account did this).
    public const string ChatUser = "（チャット）";
    public const string AuditAction = "case-key";

    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new code: 8 random characters of Crockford's base 32 (about 40 bits), with a letter and a digit so it reads as a code.</summary>
    public static string NewCode()
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetString(CaseKey.CodeAlphabet, CaseKey.CodeLength);
            if (CaseKey.HasLetterAndDigit(code))
            {
                return code;
            }
        }
    }

    /// <summary>The stored form of a code: <c>v1.salt.hash</c>, PBKDF2-SHA256.</summary>
    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"v1.{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string stored, string code)
    {
        var parts = stored.Split('.');
        if (parts is not ["v1", var salt, var hash])
        {
            return false;
        }

        var expected = Convert.FromBase64String(hash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(code), Convert.FromBase64String(salt), Iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>
    /// Checks <paramref name="check"/> for conversation <paramref name="conversationId"/> and records
    /// what it changes (failures, the lock, the attachment, the audit rows) in <paramref name="db"/>,
    /// to be saved with the turn.
    /// </summary>
    public async Task<CaseKeyAnswer> CheckAsync(IntakeDbContext db, string conversationId, CaseKeyCheck check, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reference = check.Reference.Contains('-', StringComparison.Ordinal) && char.IsAsciiLetter(check.Reference[0])
            ? check.Reference
            : $"{options.Value.ReferencePrefix}-{check.Reference}";
        var audit = new AuditLog(db, clock);
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.ReferenceNumber == reference, cancellationToken);
        var row = ticket is null ? null : await db.TicketCases.SingleOrDefaultAsync(c => c.TicketId == ticket.Id, cancellationToken);
        if (ticket is null || row is null)
        {
            audit.Add(null, ChatUser, AuditAction, reference, AuditLog.NotFound, null);
            return new CaseKeyAnswer(reference, CaseKeyOutcome.Wrong, []);
        }

        if (check.Refresh)
        {
            // Only the conversation the right code attached may read on, and only while the case is open.
            if (row.AttachedConversationId != conversationId)
            {
                audit.Add(null, ChatUser, AuditAction, reference, AuditLog.Denied, "refresh from another conversation");
                return new CaseKeyAnswer(reference, CaseKeyOutcome.Wrong, []);
            }

            return IsClosed(ticket)
                ? new CaseKeyAnswer(reference, CaseKeyOutcome.Closed, [])
                : new CaseKeyAnswer(reference, CaseKeyOutcome.Attached, await replies.ReadAsync(db, ticket.ConversationId, conversationId, cancellationToken));
        }

        if (row.AttachBlockedUntil is { } until && until > now)
        {
            audit.Add(null, ChatUser, AuditAction, reference, AuditLog.Denied, "blocked");
            return new CaseKeyAnswer(reference, CaseKeyOutcome.Blocked, []);
        }

        if (row.AttachCodeHash is null || check.Code is null || !Verify(row.AttachCodeHash, check.Code))
        {
            row.AttachFailures++;
            if (row.AttachFailures >= MaxFailures)
            {
                row.AttachBlockedUntil = now + BlockFor;
                row.AttachFailures = 0;
            }

            audit.Add(null, ChatUser, AuditAction, reference, AuditLog.Denied, "wrong code");
            return new CaseKeyAnswer(reference, CaseKeyOutcome.Wrong, []);
        }

        row.AttachFailures = 0;
        row.AttachBlockedUntil = null;
        if (IsClosed(ticket))
        {
            audit.Add(null, ChatUser, AuditAction, reference, AuditLog.Denied, "case closed");
            return new CaseKeyAnswer(reference, CaseKeyOutcome.Closed, []);
        }

        row.AttachedConversationId = conversationId;
        row.UpdatedAt = now;
        audit.Add(null, ChatUser, AuditAction, reference, AuditLog.Ok, "attached");
        return new CaseKeyAnswer(reference, CaseKeyOutcome.Attached, await replies.ReadAsync(db, ticket.ConversationId, conversationId, cancellationToken));
    }

    private static bool IsClosed(TicketRecord ticket) => ticket.IsAnonymised || ticket.Status == TicketStatuses.Closed;

}
