using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Language;

/// <summary>
/// Refuses settings that would leak the key or hang a chat turn, at start rather than on the first
/// message: an endpoint that is not https (the key travels in a header), non-positive timeouts,
/// unbounded retries.
/// </summary>
internal sealed class AzureLanguageOptionsValidator : IValidateOptions<AzureLanguageOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureLanguageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
                || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
            {
                failures.Add($"{AzureLanguageOptions.Section}:Endpoint must be an https address (http only on loopback).");
            }
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{AzureLanguageOptions.Section}:Timeout must be positive.");
        }

        if (options.TotalTimeout < options.Timeout)
        {
            failures.Add($"{AzureLanguageOptions.Section}:TotalTimeout must be at least Timeout.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{AzureLanguageOptions.Section}:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{AzureLanguageOptions.Section}:RetryDelay and MaxRetryAfter must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
