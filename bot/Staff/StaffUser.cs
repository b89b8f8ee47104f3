namespace IntakeBot.Bot.Staff;

/// <summary>A coordinator or admin of the center.</summary>
public sealed class StaffUser
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string Role { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Changes at logout, password change and disable; a session whose stamp differs is over.</summary>
    public required string SecurityStamp { get; set; }
    /// <summary>Login attempts that failed or are being checked since the last success (updated atomically in SQL).</summary>
    public int FailedCount { get; set; }
    /// <summary>Unix milliseconds until which logins are refused, or null.</summary>
    public long? LockoutEndMs { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The two roles.</summary>
public static class StaffRoles
{
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    public static bool IsValid(string role) => role is Coordinator or Admin;
}
