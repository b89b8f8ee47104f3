using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Retention;

/// <summary>
/// How long personal data is kept ("Retention" section). The defaults are a starting point; the
/// center sets them from its own rules on keeping case records (see docs/operations.md, "Retention").
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>On in every environment; off only where another process does the same job.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A conversation with no turn for this many days and no ticket still holding personal data is
    /// deleted with its messages. 30: the page's resume key lasts 14 days, so after that nobody
    /// can continue such a chat, and an unfinished intake is shown to no coordinator.
    /// </summary>
    public int AbandonedConversationDays { get; set; } = 30;

    /// <summary>
    /// A ticket closed (終了) this many days ago loses its personal data; its number, kind,
    /// priority, 業務区分, flags, dates and status stay for the statistics. 1825 (five years):
    /// long enough for a person who comes back for follow-up (業務2) or the 社会生活支援特別加算
    /// (three years after release); set it to what the center's own rules say.
    /// </summary>
    public int ClosedTicketDays { get; set; } = 1825;

    /// <summary>How often the job runs; the first run is <see cref="FirstRunDelay"/> after start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Delay of the first run after start, so a host that restarts often still runs it.</summary>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows changed per transaction, so a large backlog never holds the writer for long.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>Refuses retention settings that would delete too early, never, or all at once, at start.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        if (options.AbandonedConversationDays < 1)
        {
            failures.Add($"{RetentionOptions.Section}:AbandonedConversationDays must be at least 1.");
        }

        if (options.ClosedTicketDays < 1)
        {
            failures.Add($"{RetentionOptions.Section}:ClosedTicketDays must be at least 1.");
        }

        if (options.Interval < TimeSpan.FromMinutes(1) || options.Interval > TimeSpan.FromDays(7))
        {
            failures.Add($"{RetentionOptions.Section}:Interval must be between 1 minute and 7 days.");
        }

        if (options.FirstRunDelay < TimeSpan.Zero || options.FirstRunDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"{RetentionOptions.Section}:FirstRunDelay must be between 0 and 1 day.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{RetentionOptions.Section}:BatchSize must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
