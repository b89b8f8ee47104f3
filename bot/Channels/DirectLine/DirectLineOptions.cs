namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>Direct Line settings ("DirectLine" section).</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>The minimum token lifetime: Web Chat refreshes on a fixed 15-minute timer and never reads expires_in.</summary>
    public static readonly TimeSpan MinimumTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The Direct Line secret for server-side callers (<c>tokens/generate</c>). Never sent to a
    /// browser; the page gets tokens from /api/webchat/token instead. Empty: generate is off.
    /// </summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Base64 HMAC key for tokens; empty: a random key kept in the data folder.</summary>
    public string TokenSigningKey { get; set; } = string.Empty;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a streamUrl may be opened; a reconnect asks for a fresh one.</summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the page can come back to an unfinished conversation after a reload or a dropped
    /// line. Hours, not days: on a shared computer the next person must not find it.
    /// </summary>
    public TimeSpan ResumeLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// A WebSocket stream with no frame in either direction for this long is closed. Web Chat
    /// pings every 20 s, so a live page never reaches it; a dead or silent client does.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Open streams one conversation may have at once (tabs, and a reconnect overlapping the old socket).</summary>
    public int MaxStreamsPerConversation { get; set; } = 4;

    /// <summary>Open streams one client address may have at once (a family's router, an office behind one address).</summary>
    public int MaxStreamsPerIp { get; set; } = 50;

    /// <summary>
    /// How often an open stream re-reads the database in case a turn committed on another
    /// instance (which does not wake this one). Empty: 20 s on PostgreSQL, never on SQLite (one
    /// process owns the file, and every commit wakes its streams). Zero: never.
    /// </summary>
    public TimeSpan? StreamRecheckInterval { get; set; }

    /// <summary>Origins of pages on other sites that may call Direct Line (CORS).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The public base URL (e.g. behind a proxy) used for streamUrl; empty: taken from the request.</summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    public TimeSpan EffectiveTokenLifetime => TokenLifetime < MinimumTokenLifetime ? MinimumTokenLifetime : TokenLifetime;
}
