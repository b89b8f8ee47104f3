namespace IntakeBot.Bot.Notifications;

/// <summary>The webhook for urgent tickets and desk reminders ("Notifications" section). No URL, no notifications.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Where urgent tickets are announced (e.g. a Teams or Slack incoming webhook).</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>This site's public address, for the dashboard link in the message.</summary>
    public string DashboardBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the outbox is checked.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay; it doubles each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the desk reminders (due date come, 業務2 follow-up date come) are looked for.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many failed tries a message stays in the outbox undelivered (and is logged).</summary>
    public int MaxAttempts { get; set; } = 50;
}
