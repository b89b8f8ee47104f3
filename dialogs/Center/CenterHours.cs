namespace IntakeBot.Dialogs.Center;

/// <summary>
/// When a coordinator can answer the chat (<c>Center:Hours</c>): the weekdays, one time span in
/// Japan time, and the dates the center is closed. Not configured (no days): the bot never says
/// that a person is being called, only that the center will call back.
/// </summary>
public sealed class CenterHours
{
    /// <summary>The days the desk is staffed, e.g. Monday to Friday.</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Opening time, Japan time.</summary>
    public TimeOnly From { get; set; } = new(9, 0);

    /// <summary>Closing time, Japan time (exclusive).</summary>
    public TimeOnly To { get; set; } = new(17, 0);

    /// <summary>Dates (Japan time) the desk is closed although it is one of <see cref="Days"/>: 祝日, 年末年始.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Whether hours are configured at all.</summary>
    public bool IsConfigured => Days.Count > 0 && From < To;

    /// <summary>Whether a coordinator can be called at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        if (!IsConfigured)
        {
            return false;
        }

        var local = now.ToOffset(TimeSpan.FromHours(9));
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && !Holidays.Contains(date) && time >= From && time < To;
    }

    /// <summary>The hours as a person reads them: 「平日 9:00〜17:00（祝日を除く）」.</summary>
    public string Describe()
    {
        if (!IsConfigured)
        {
            return string.Empty;
        }

        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var set = Days.Distinct().ToHashSet();
        var days = set.SetEquals(weekdays) ? "平日"
            : set.Count == 7 ? "毎日"
            : string.Join("・", Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)).Where(set.Contains).Select(Name)) + "曜日";
        var text = $"{days} {From:H:mm}〜{To:H:mm}";
        return Holidays.Count > 0 ? text + "（祝日などを除く）" : text;
    }

    private static string Name(DayOfWeek day) => "日月火水木金土"[(int)day].ToString();
}
