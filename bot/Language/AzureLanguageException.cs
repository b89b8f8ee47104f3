namespace IntakeBot.Bot.Language;

/// <summary>
/// A request to Azure AI Language that gave no usable answer after the retries: unreachable,
/// timed out, a non-success status, or a body that is not the documented JSON. The message holds
/// only the reason and status code, never text that was sent.
/// </summary>
public sealed class AzureLanguageException : Exception
{
    public AzureLanguageException(string reason, int? statusCode = null, string? serviceErrorCode = null, Exception? innerException = null)
        : base(Describe(reason, statusCode, serviceErrorCode), innerException)
    {
        Reason = reason;
        StatusCode = statusCode;
        ServiceErrorCode = serviceErrorCode;
    }

    /// <summary><c>Unreachable</c>, <c>Timeout</c>, <c>HttpStatus</c> or <c>MalformedResponse</c>.</summary>
    public string Reason { get; }

    /// <summary>The HTTP status of the last attempt, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>The service's <c>error.code</c> (e.g. <c>InvalidRequest</c>, <c>401</c>), when it sent one.</summary>
    public string? ServiceErrorCode { get; }

    private static string Describe(string reason, int? statusCode, string? serviceErrorCode) =>
        $"Azure AI Language request failed: {reason}"
        + (statusCode is { } status ? $" (HTTP {status})" : string.Empty)
        + (serviceErrorCode is { Length: > 0 } code ? $" [{code}]" : string.Empty);
}
