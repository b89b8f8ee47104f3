using System.Buffers;
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

        // Pooled: every turn reads a body, and fresh buffers for it were a tenth of what a turn
        // allocated. Sized from Content-Length when given (one byte more, to see a longer body).
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : 4096);
        try
        {
            var length = 0;
            try
            {
                int read;
                while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                    {
                        return (null, TooLarge());
                    }

                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }
            catch (BadHttpRequestException ex)
            {
                // Broken chunked encoding, a body shorter than its Content-Length, Kestrel's own size limit.
                return (null, Unreadable(ex));
            }

            return Parse<T>(buffer.AsSpan(0, length), options, emptyAllowed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (T? Value, IResult? Error) Parse<T>(ReadOnlySpan<byte> bytes, JsonSerializerOptions options, bool emptyAllowed)
        where T : class
    {
        if (bytes.IsEmpty)
        {
            return emptyAllowed
                ? (null, null)
                : (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The request body is empty."));
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // JSON is UTF-8 (RFC 8259). Checked here because a JsonElement (channelData, value)
            // keeps its bytes unchecked and throws only when a string in it is read later.
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "MalformedJson", "The request body is not UTF-8 JSON."));
        }

        if (!StringsAreWellFormed(bytes, options))
        {
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "MalformedJson", "A string in the request body is not valid UTF-16 (a lone surrogate escape)."));
        }

        try
        {
            // The result keeps no reference to the bytes (a JsonElement copies its own), so the
            // buffer can go back to the pool.
            var value = JsonSerializer.Deserialize<T>(bytes, options);
            return value is null
                ? (null, ApiError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The request body is not a JSON object."))
                : (value, null);
        }
        catch (JsonException)
        {
            return (null, ApiError.Result(StatusCodes.Status400BadRequest, "MalformedJson", "The request body is not valid JSON."));
        }
    }

    /// <summary>
    /// Whether every string and property name unescapes to valid UTF-16. A typed string field
    /// refuses <c>"\ud800"</c>, but a <see cref="JsonElement"/> (channelData, value) keeps it and
    /// throws later, when the string is read or the activity is written back out.
    /// </summary>
    private static bool StringsAreWellFormed(ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        });
        try
        {
            while (reader.Read())
            {
                // Only an escape can make a lone surrogate: raw text is UTF-8, checked above.
                if ((reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            // Malformed in another way: the deserializer below answers that.
        }

        return true;
    }

    /// <summary>The answer to a body Kestrel could not read: its own status (400, 413), never a 500.</summary>
    public static IResult Unreadable(BadHttpRequestException ex) =>
        ex.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? TooLarge()
            : ApiError.Result(ex.StatusCode is >= 400 and < 500 ? ex.StatusCode : StatusCodes.Status400BadRequest, "BadRequest", "The request body could not be read.");

    private static IResult TooLarge() =>
        ApiError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"The request body is larger than {MaxBytes} bytes.");
}
