namespace IntakeBot.Bot.Language;

/// <summary>
/// What the service said about one document of a request: a value, or the reason there is none
/// (the service's per-document error code such as <c>InvalidDocument</c>, or <c>Missing</c>,
/// <c>EmptyDocument</c>, <c>DocumentTooLong</c>). The caller falls back for that document only.
/// </summary>
public readonly record struct AzureDocumentResult<T>(T? Value, string? ErrorCode)
    where T : class
{
    /// <summary>Whether <see cref="Value"/> is there.</summary>
    public bool IsSuccess => Value is not null && ErrorCode is null;

    public static AzureDocumentResult<T> Success(T value) => new(value, null);

    public static AzureDocumentResult<T> Failure(string errorCode) => new(null, errorCode);
}
