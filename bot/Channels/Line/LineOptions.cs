namespace IntakeBot.Bot.Channels.Line;

/// <summary>
/// The LINE Messaging API channel (<c>Line</c> section). Off while <see cref="ChannelSecret"/> is
/// empty: the webhook then answers 404 and nothing is sent to LINE.
/// </summary>
public sealed class LineOptions
{
    public const string Section = "Line";

    public const string DefaultApiBaseUrl = "https://api.line.me";

    /// <summary>The channel secret from the LINE Developers console: the HMAC key of <c>x-line-signature</c>.</summary>
    public string ChannelSecret { get; set; } = string.Empty;

    /// <summary>The long-lived channel access token (a bearer token for the Messaging API); never logged.</summary>
    public string ChannelAccessToken { get; set; } = string.Empty;

    /// <summary>Where the Messaging API is; tests point it at a loopback fake of the platform.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Largest webhook body accepted; LINE's are a few kilobytes.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Events older than this (by their own timestamp) are ignored: a body replayed long after,
    /// even with its valid signature, runs nothing. LINE redelivers within a much shorter time.
    /// </summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a reply token is used after the event arrived. LINE keeps them valid for about a
    /// minute; the rest of that minute is the margin for the call itself.
    /// </summary>
    public TimeSpan ReplyTokenBudget { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>A turn still running after this shows LINE's loading animation (「読み込み中」).</summary>
    public TimeSpan LoadingAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Replies that could not be delivered within this time (LINE down, throttled) are given up and logged.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Timeout of one call to the Messaging API.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => ChannelSecret.Length > 0;
}
