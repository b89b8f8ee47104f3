using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;

namespace IntakeBot.Bot.Audit;

/// <summary>
/// Appends to the audit log. There is no update or delete in code, and the table's triggers
/// refuse both in SQL, so a row once written stays as it was.
/// </summary>
public sealed class AuditLog(IntakeDbContext db, TimeProvider clock)
{
    public const string Ok = "ok";
    public const string Denied = "denied";
    public const string NotFound = "notfound";

    /// <summary>Adds a row to the pending unit of work (saved with the change it records).</summary>
    public void Add(StaffPrincipal user, string action, string? reference, string outcome, string? detail = null) =>
        Add(user.Id, user.Name, action, reference, outcome, detail);

    public void Add(long? userId, string userName, string action, string? reference, string outcome, string? detail) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UserName = Truncate(userName, 64),
            Action = action,
            // A guessed id is stored as typed (it is no personal data, and shows what was tried).
            TicketReference = reference is null ? null : Truncate(reference, 80),
            Outcome = outcome,
            Detail = detail is null ? null : Truncate(detail, 200),
        });

    public async Task WriteAsync(long? userId, string userName, string action, string? reference, string outcome, string? detail, CancellationToken cancellationToken)
    {
        Add(userId, userName, action, reference, outcome, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task WriteAsync(StaffPrincipal user, string action, string? reference, string outcome, CancellationToken cancellationToken, string? detail = null) =>
        WriteAsync(user.Id, user.Name, action, reference, outcome, detail, cancellationToken);

    /// <summary>At most <paramref name="max"/> characters, control characters and lone surrogates as '?' (PostgreSQL refuses NUL).</summary>
    private static string Truncate(string value, int max)
    {
        var cut = value.Length <= max ? value : value[..max];
        if (Turns.MessageLimits.IsWellFormedId(cut))
        {
            return cut;
        }

        var chars = Dialogs.Parsing.JapaneseText.WellFormed(cut).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsControl(chars[i]) || chars[i] == '\uFFFD' ? '?' : chars[i];
        }

        return new string(chars);
    }
}

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
