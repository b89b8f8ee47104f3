namespace IntakeBot.Bot.Language;

/// <summary>
/// Azure AI Language (configuration section <c>Language:Azure</c>, or the environment variables
/// <c>Language__Azure__Endpoint</c>, <c>Language__Azure__Key</c>…). Off unless both
/// <see cref="Endpoint"/> and <see cref="Key"/> are set: then the message text is sent to Azure for
/// PII recognition and language detection, so it stays opt-in. Any failure falls back to the local
/// rules. Worst case per request: (<see cref="MaxRetries"/> + 1) attempts of at most
/// <see cref="Timeout"/>, with waits of at most <see cref="MaxRetryAfter"/>, all within <see cref="TotalTimeout"/>.
/// </summary>
public sealed class AzureLanguageOptions
{
    public const string Section = "Language:Azure";

    /// <summary>The resource's endpoint, e.g. <c>https://NAME.cognitiveservices.azure.com/</c>. https only (loopback may use http, for tests).</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>The resource key, sent as <c>Ocp-Apim-Subscription-Key</c>. Keep it out of appsettings.json: environment variable or user secrets.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Longest wait for one attempt. Short, because a chat turn waits for it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries after a 408, 429, 5xx, timeout or network error; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff after a 5xx or timeout; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. A 429 asking for longer is not retried:
    /// the local rules answer at once rather than a person waiting on the chat.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Bound on one request including all retries and waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether Azure AI Language is configured (both endpoint and key set).</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Key);
}
