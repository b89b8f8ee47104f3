namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// What an open desk page needs to know: whether anything on the queue changed (the stamp), the
/// unclaimed 緊急 and 高 tickets, the newest 緊急 ticket (a new one rings), and the people waiting
/// in the chat for a coordinator (someone new waiting rings too).
/// </summary>
/// <param name="Stamp">Changes whenever a ticket, its history, an addendum or who waits changes.</param>
/// <param name="Urgent">Open unclaimed 緊急 tickets.</param>
/// <param name="High">Open unclaimed 高 tickets.</param>
/// <param name="LatestUrgent">The id of the newest 緊急 ticket.</param>
/// <param name="Waiting">How many wait for a coordinator in the chat now.</param>
/// <param name="LatestWaiting">When the last of them asked (Unix milliseconds; 0: nobody).</param>
public sealed record DeskState(string Stamp, int Urgent, int High, long LatestUrgent, int Waiting = 0, long LatestWaiting = 0);
