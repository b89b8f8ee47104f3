using IntakeBot.Dialogs.Center;

namespace IntakeBot.Dialogs.Tests.Center;

public sealed class CenterHoursTests
{
    private static readonly CenterHours Weekdays = new()
    {
        Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        From = new TimeOnly(9, 0),
        To = new TimeOnly(17, 0),
        Holidays = [new DateOnly(2026, 11, 23)],
    };

    private static DateTimeOffset Jst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Fact]
    public void A_weekday_within_the_hours_is_open_in_japan_time()
    {
        Assert.True(Weekdays.IsOpen(Jst(11, 25, 9)));
        Assert.True(Weekdays.IsOpen(Jst(11, 25, 16, 59)));
        // 01:00 UTC is 10:00 in Japan.
        Assert.True(Weekdays.IsOpen(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Before_and_after_the_hours_the_weekend_and_a_holiday_are_closed()
    {
        Assert.False(Weekdays.IsOpen(Jst(11, 25, 8, 59)));
        Assert.False(Weekdays.IsOpen(Jst(11, 25, 17)));
        Assert.False(Weekdays.IsOpen(Jst(11, 28, 10)));
        Assert.False(Weekdays.IsOpen(Jst(11, 23, 10)));
        // 10:00 UTC on a Wednesday is 19:00 in Japan.
        Assert.False(Weekdays.IsOpen(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Hours_that_are_not_configured_are_never_open()
    {
        var none = new CenterHours();

        Assert.False(none.IsConfigured);
        Assert.False(none.IsOpen(Jst(11, 25, 10)));
        Assert.Equal(string.Empty, none.Describe());
    }

    [Fact]
    public void The_hours_read_as_a_person_says_them()
    {
        Assert.Equal("平日 9:00〜17:00（祝日などを除く）", Weekdays.Describe());
        Assert.Equal("月・水・金曜日 10:00〜15:30", new CenterHours
        {
            Days = [DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday],
            From = new TimeOnly(10, 0),
            To = new TimeOnly(15, 30),
        }.Describe());
    }
}
