namespace IntakeBot.Bot.Turns;

/// <summary>How a turn request ended.</summary>
public enum TurnStatus
{
    /// <summary>The turn ran and was committed.</summary>
    Ran,
    /// <summary>The incoming activity had run before; its stored result is returned.</summary>
    Replayed,
    /// <summary>No such conversation, and the request may not create it.</summary>
    UnknownConversation,
    /// <summary>Other turns kept winning the race for this conversation; nothing was written.</summary>
    Busy,
}
