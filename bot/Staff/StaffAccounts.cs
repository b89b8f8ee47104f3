using System.Security.Cryptography;
using IntakeBot.Bot.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Staff;

public enum LoginOutcome
{
    Success,
    Invalid,
    Locked,
}

public sealed record LoginResult(LoginOutcome Outcome, StaffUser? User);

/// <summary>
/// Staff accounts: creation, password checks with Identity's PasswordHasher, and a lockout that
/// holds under parallel attempts. Every attempt first reserves a slot with one conditional
/// UPDATE (<c>FailedCount = FailedCount + 1 WHERE FailedCount &lt; max</c>), so however many
/// requests arrive at once, at most <c>max</c> passwords are ever checked before the lock.
/// </summary>
public sealed class StaffAccounts(IntakeDbContext db, IOptions<StaffOptions> options, TimeProvider clock)
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, "dummy-password-for-timing"));

    private StaffOptions Options => options.Value;

    public int MinPasswordLength => Options.MinPasswordLength;

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public string? CheckPassword(string password) =>
        password.Length < Options.MinPasswordLength ? $"パスワードは{Options.MinPasswordLength}文字以上にしてください。" : null;

    public static bool IsValidName(string name) =>
        name.Length is >= 2 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public async Task<StaffUser> AddAsync(string name, string role, string password, CancellationToken cancellationToken)
    {
        var user = new StaffUser
        {
            UserName = name,
            Role = role,
            PasswordHash = string.Empty,
            SecurityStamp = NewStamp(),
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// A name no account can have is not looked up: it may hold what the database refuses
    /// (PostgreSQL and NUL), which would turn a wrong name into a server error.
    /// </summary>
    public Task<StaffUser?> FindAsync(string name, CancellationToken cancellationToken) =>
        IsValidName(name)
            ? db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken)
            : Task.FromResult<StaffUser?>(null);

    public async Task<LoginResult> LoginAsync(string name, string password, CancellationToken cancellationToken)
    {
        var user = await FindAsync(name, cancellationToken);
        if (user is null || user.Disabled)
        {
            // Same work as a real check, so timing does not tell which names exist.
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return new LoginResult(LoginOutcome.Invalid, null);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var max = Options.MaxFailedLogins;
        await db.StaffUsers
            .Where(u => u.Id == user.Id && u.LockoutEndMs != null && u.LockoutEndMs <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedCount, 0).SetProperty(u => u.LockoutEndMs, (long?)null), cancellationToken);

        var reserved = await db.StaffUsers
            .Where(u => u.Id == user.Id && u.LockoutEndMs == null && u.FailedCount < max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedCount, u => u.FailedCount + 1), cancellationToken);
        if (reserved == 0)
        {
            await LockAsync(user.Id, now, cancellationToken);
            return new LoginResult(LoginOutcome.Locked, null);
        }

        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            await LockAsync(user.Id, now, cancellationToken);
            return new LoginResult(LoginOutcome.Invalid, null);
        }

        await db.StaffUsers.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedCount, 0).SetProperty(u => u.LockoutEndMs, (long?)null), cancellationToken);
        return new LoginResult(LoginOutcome.Success, user);
    }

    private Task<int> LockAsync(long id, long now, CancellationToken cancellationToken)
    {
        var until = now + (long)Options.LockoutDuration.TotalMilliseconds;
        var max = Options.MaxFailedLogins;
        return db.StaffUsers
            .Where(u => u.Id == id && u.LockoutEndMs == null && u.FailedCount >= max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEndMs, until), cancellationToken);
    }

    /// <summary>Ends every session of the user (logout, password change, disable).</summary>
    public Task<int> EndSessionsAsync(long id, CancellationToken cancellationToken)
    {
        var stamp = NewStamp();
        return db.StaffUsers.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
    }

    public async Task<bool> ChangePasswordAsync(string name, string newPassword, CancellationToken cancellationToken)
    {
        var user = await FindAsync(name, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var hash = Hasher.HashPassword(user, newPassword);
        var stamp = NewStamp();
        return await db.StaffUsers.Where(u => u.Id == user.Id).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.PasswordHash, hash).SetProperty(u => u.SecurityStamp, stamp)
                .SetProperty(u => u.FailedCount, 0).SetProperty(u => u.LockoutEndMs, (long?)null),
            cancellationToken) == 1;
    }

    public bool Verify(StaffUser user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public async Task<bool> DisableAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsValidName(name))
        {
            return false;
        }

        var stamp = NewStamp();
        return await db.StaffUsers.Where(u => u.UserName == name).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.Disabled, true).SetProperty(u => u.SecurityStamp, stamp), cancellationToken) == 1;
    }

    /// <summary>Lets a disabled account log in again (with its old password; sessions stay ended).</summary>
    public async Task<bool> EnableAsync(string name, CancellationToken cancellationToken) =>
        IsValidName(name) && await db.StaffUsers.Where(u => u.UserName == name && u.Disabled).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.Disabled, false).SetProperty(u => u.FailedCount, 0).SetProperty(u => u.LockoutEndMs, (long?)null), cancellationToken) == 1;

    /// <summary>Ends a lockout (and the count of failed logins) before its time.</summary>
    public async Task<bool> UnlockAsync(string name, CancellationToken cancellationToken) =>
        IsValidName(name) && await db.StaffUsers.Where(u => u.UserName == name).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.FailedCount, 0).SetProperty(u => u.LockoutEndMs, (long?)null), cancellationToken) == 1;
}
