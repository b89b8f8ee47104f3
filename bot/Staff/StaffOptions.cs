namespace IntakeBot.Bot.Staff;

/// <summary>Login and session settings ("Staff" section).</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Failed logins in a row before the account is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session unused this long is over (at most 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>A session ends this long after login however active it is.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(10);

    public int MinPasswordLength { get; set; } = 12;
}
