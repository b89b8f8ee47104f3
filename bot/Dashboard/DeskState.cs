namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// What an open desk page needs to know: whether anything on the queue changed (the stamp), the
/// unclaimed 緊急 and 高 tickets, and the newest 緊急 ticket (a new one rings).
/// </summary>
public sealed record DeskState(string Stamp, int Urgent, int High, long LatestUrgent);
