using IntakeBot.Bot.Hosting;

namespace IntakeBot.Bot.Turns;

/// <summary>What a user's message may be, checked before a turn runs so a rejected message writes nothing.</summary>
public static class MessageLimits
{
    /// <summary>Longest message text, in UTF-16 characters; longer stories can be sent in parts.</summary>
    public const int MaxTextLength = 2000;

    public const int MaxIdLength = 256;

    /// <summary>The longest conversation key (<c>conversations.Id</c>, e.g. <c>bf:{channel}:{id}</c>).</summary>
    public const int MaxKeyLength = 300;

    /// <summary>
    /// An id that is stored in a plain column and compared as it is: no control characters (NUL
    /// is refused by PostgreSQL's text type) and no lone surrogates (not encodable as UTF-8).
    /// </summary>
    public static bool IsWellFormedId(string? id) =>
        id is null || (!id.Any(char.IsControl) && Dialogs.Parsing.JapaneseText.IndexOfLoneSurrogate(id, 0) < 0);

    public static IResult? Check(string? text) =>
        text is { Length: > MaxTextLength }
            ? ApiError.Result(StatusCodes.Status400BadRequest, "TextTooLong", $"メッセージは{MaxTextLength}文字までです。分けて送ってください。")
            : null;
}
