namespace IntakeBot.Bot.Hosting;

/// <summary>The error body every endpoint answers with: <c>{"error":{"code":"…","message":"…"}}</c>, as Direct Line does.</summary>
public sealed record ApiError(ApiErrorDetail Error)
{
    public static IResult Result(int statusCode, string code, string message) =>
        Results.Json(new ApiError(new ApiErrorDetail(code, message)), statusCode: statusCode);

    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ApiError(new ApiErrorDetail(code, message)));
    }
}
