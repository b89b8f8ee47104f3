using System.Globalization;
using System.Net;
using Polly;
using Polly.Timeout;

namespace IntakeBot.Bot.Language;

/// <summary>
/// When a request to Azure AI Language is worth another try, and how long to wait first. Azure
/// answers 429 with the wait in <c>Retry-After</c> (seconds or an HTTP date) and often also in
/// <c>retry-after-ms</c>/<c>x-ms-retry-after-ms</c>; the most precise one given is honoured.
/// </summary>
internal static class AzureLanguageRetry
{
    private static readonly string[] MillisecondHeaders = ["retry-after-ms", "x-ms-retry-after-ms"];

    /// <summary>
    /// Network errors, attempt timeouts, 408, 429 and 5xx are transient; a 429 whose wait exceeds
    /// <paramref name="maxRetryAfter"/> is not retried, so the caller falls back at once.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider clock)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        if (outcome.Result is not { } response || !IsTransient(response.StatusCode))
        {
            return false;
        }

        return RetryAfter(response, clock) is not { } wait || wait <= maxRetryAfter;
    }

    /// <summary>The wait the service asked for, or null (the backoff then decides).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        if (response is null)
        {
            return null;
        }

        foreach (var header in MillisecondHeaders)
        {
            if (response.Headers.TryGetValues(header, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            { Date: { } date } => date > clock.GetUtcNow() ? date - clock.GetUtcNow() : TimeSpan.Zero,
            _ => null,
        };
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
