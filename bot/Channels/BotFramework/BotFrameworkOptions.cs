namespace IntakeBot.Bot.Channels.BotFramework;

/// <summary>The Bot Connector settings ("Bot" section).</summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// The bot's Microsoft App ID. When set, /api/messages requires a Bot Connector JWT with this
    /// audience; when empty, it is open but only to requests from this machine (loopback).
    /// </summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    /// <summary>OpenID metadata that lists the Bot Connector's signing keys.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuers whose tokens are accepted.</summary>
    public List<string> ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>The bot's account in activities it sends.</summary>
    public string BotId { get; set; } = "intakebot";

    public string BotName { get; set; } = "相談窓口";

    /// <summary>Clock skew allowed on token expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where replies may be posted besides the serviceUrl a validated Bot Connector token names:
    /// base URLs (scheme, host, port, and a path the serviceUrl starts with), e.g. the Bot
    /// Framework Emulator's on this machine. Empty by default: without an app id no serviceUrl is
    /// trusted, since anyone who can post an activity could make the bot send requests there.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>How many times replies are posted to a serviceUrl before they are given up.</summary>
    public int MaxDeliveryAttempts { get; set; } = 8;
}
