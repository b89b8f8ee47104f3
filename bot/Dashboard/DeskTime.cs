using System.Globalization;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Dashboard;

/// <summary>Times and dates as the center reads them (its own offset), for the desk pages.</summary>
public static class DeskTime
{
    public static string Local(DateTimeOffset at) =>
        at.ToOffset(IntakeConversation.CenterUtcOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => IntakeConversation.CenterDate(clock.GetUtcNow());
}
