using System.Text.Json;

namespace IntakeBot.Bot.Hosting;

/// <summary>
/// Reads a JSON request body with a size cap, turning oversize and malformed bodies into 4xx
/// answers before anything runs (model binding would answer some of them with a bare 400 or
/// let a huge body through).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The parsed body, or the error to answer with. An empty body is <paramref name="emptyAllowed"/>.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, bool emptyAllowed = false)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return emptyAllowed
                ? (null, null)
                : (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The request body is empty."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return value is null
                ? (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The request body is not a JSON object."))
                : (value, null);
        }
        catch (JsonException)
        {
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "MalformedJson", "The request body is not valid JSON."));
        }
    }

    private static IResult TooLarge() =>
        ApiError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"The request body is larger than {MaxBytes} bytes.");
}
