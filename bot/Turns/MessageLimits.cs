using IntakeBot.Bot.Hosting;

namespace IntakeBot.Bot.Turns;

/// <summary>What a user's message may be, checked before a turn runs so a rejected message writes nothing.</summary>
public static class MessageLimits
{
    /// <summary>Longest message text, in UTF-16 characters; longer stories can be sent in parts.</summary>
    public const int MaxTextLength = 2000;

    public const int MaxIdLength = 256;

    public static IResult? Check(string? text) =>
        text is { Length: > MaxTextLength }
            ? ApiError.Result(StatusCodes.Status400BadRequest, "TextTooLong", $"メッセージは{MaxTextLength}文字までです。分けて送ってください。")
            : null;
}
