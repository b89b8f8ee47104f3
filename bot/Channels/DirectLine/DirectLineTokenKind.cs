namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>What a token may be used for; a token of one kind is refused where another is needed.</summary>
public enum DirectLineTokenKind
{
    /// <summary>The Bearer token of Direct Line calls for one conversation.</summary>
    Conversation,
    /// <summary>The query token of one streamUrl.</summary>
    Stream,
    /// <summary>Kept by the page to get a new token for its conversation after the old one expired.</summary>
    Resume,
}
