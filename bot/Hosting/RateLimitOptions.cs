namespace IntakeBot.Bot.Hosting;

/// <summary>Request limits ("RateLimits" section). On in every environment, tests included.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests per minute from one IP address, over every endpoint.</summary>
    public int PerIpPerMinute { get; set; } = 600;

    /// <summary>Direct Line requests per minute with one token (Web Chat polls once a second).</summary>
    public int PerTokenPerMinute { get; set; } = 150;

    /// <summary>New tokens per minute from one IP address (page token endpoint and tokens/generate).</summary>
    public int TokensPerIpPerMinute { get; set; } = 20;
}
