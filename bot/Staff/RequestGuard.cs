using Microsoft.AspNetCore.Antiforgery;

namespace IntakeBot.Bot.Staff;

/// <summary>
/// Every state-changing request of the dashboard and the ticket API must come from this site:
/// a foreign <c>Origin</c> (or a cross-site fetch) is refused, and the antiforgery token (form
/// field or <c>X-CSRF-TOKEN</c> header, bound to the session) must be valid.
/// </summary>
public static class RequestGuard
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string FormFieldName = "__csrf";

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return await next(invocation);
        }

        if (!IsSameOrigin(context.Request))
        {
            return Reject(context, StatusCodes.Status403Forbidden, "CrossOrigin", "他のサイトからの送信は受け付けません。");
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Reject(context, StatusCodes.Status400BadRequest, "Antiforgery", "送信の確認ができませんでした。ページを開き直してください。");
        }

        return await next(invocation);
    }

    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The posted form, or the answer when there is none to read: a JSON or text body (415), a
    /// broken multipart body, one over the form limits or cut short (400). ReadFormAsync throws
    /// for each of these, which would otherwise be a 500.
    /// </summary>
    public static async Task<(IFormCollection? Form, IResult? Error)> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return (null, Reject(context, StatusCodes.Status415UnsupportedMediaType, "NotAForm", "フォームの送信ではありません。ページを開き直してください。"));
        }

        try
        {
            return (await context.Request.ReadFormAsync(context.RequestAborted), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            return (null, Reject(context, StatusCodes.Status400BadRequest, "BadForm", "送信された内容を読み取れませんでした。ページを開き直してください。"));
        }
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IResult Reject(HttpContext context, int status, string code, string message) =>
        IsApi(context)
            ? Results.Json(new { error = new { code, message } }, statusCode: status)
            : Dashboard.DeskPage.Message(context, status, "エラー", message);
}
