using System.Net;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>How one Messaging API call ended. Status 0: no answer (timeout, connection refused).</summary>
public sealed record LineApiResult(int Status, TimeSpan? RetryAfter, string? Message)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Worth trying again later: throttled, a server error, or no answer at all.</summary>
    public bool Transient => Status is 0 or (int)HttpStatusCode.TooManyRequests or >= 500;

    /// <summary>LINE's answer to a reply token that expired or was used already.</summary>
    public bool InvalidReplyToken => Status == 400 && Message?.Contains("Invalid reply token", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A push with this retry key was accepted before (LINE answers 409 to the retry).</summary>
    public bool AlreadyAccepted => Status == (int)HttpStatusCode.Conflict;
}
