namespace IntakeBot.Dialogs.Conversation;

/// <summary>What happened at the desk for a conversation.</summary>
public enum DeskEventKind
{
    /// <summary>A coordinator joined: the bot stops answering (crisis guidance aside).</summary>
    Join,
    /// <summary>The joined coordinator wrote to the person (joins first if nobody has).</summary>
    Message,
    /// <summary>The conversation goes back to the bot at the question it was on.</summary>
    Handback,
    /// <summary>Somebody asked for a person and nobody joined in time.</summary>
    NobodyJoined,
}
