namespace IntakeBot.Dialogs.Parsing;

/// <summary>Which side of today a date answer must fall on, for sanity checks and year inference.</summary>
public enum DateExpectation
{
    Any,
    /// <summary>Today or earlier (退所日, 生年月日). 「12/3」 means the most recent 12/3.</summary>
    PastOrToday,
    /// <summary>Today or later (出所予定日, 公判期日). 「12/3」 means the next 12/3.</summary>
    TodayOrFuture,
}
