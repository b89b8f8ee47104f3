using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IntakeBot.Bot.Hosting;

/// <summary>
/// ASP.NET Core rate limiting: a per-IP limit on everything, a per-token limit on Direct Line,
/// and a tighter per-IP limit on issuing tokens. Rejections are a 429 with the JSON error body.
/// </summary>
public static class RateLimitPolicies
{
    public const string PerToken = "per-token";
    public const string TokenIssue = "token-issue";

    public static IServiceCollection AddBotRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientIp(context), _ => PerMinute(limits.PerIpPerMinute)));
            options.AddPolicy(PerToken, context =>
                RateLimitPartition.GetSlidingWindowLimiter(TokenOrIp(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limits.PerTokenPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                }));
            options.AddPolicy(TokenIssue, context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientIp(context), _ => PerMinute(limits.TokensPerIpPerMinute)));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await ApiError.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests",
                    "リクエストが多すぎます。少し待ってからもう一度お試しください。");
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The Bearer token, or the streamUrl's token, or else the IP (so missing tokens share one bucket).</summary>
    private static string TokenOrIp(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return "auth:" + authorization;
        }

        return context.Request.Query["t"].ToString() is { Length: > 0 } streamToken ? "stream:" + streamToken : "ip:" + ClientIp(context);
    }
}
