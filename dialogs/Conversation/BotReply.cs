namespace IntakeBot.Dialogs.Conversation;

/// <summary>One message from the bot, channel-neutral: the host turns it into an Activity.</summary>
/// <param name="Text">Plain Japanese text. Never contains markup.</param>
/// <param name="Actions">Buttons (suggested actions).</param>
/// <param name="Review">When set, the review of every answer (rendered as a card).</param>
/// <param name="Article">When set, the knowledge article the text was taken from.</param>
/// <param name="Coordinator">When set, the coordinator who wrote this message (not the bot).</param>
public sealed record BotReply(
    string Text,
    IReadOnlyList<SuggestedAction> Actions,
    IReadOnlyList<ReviewItem>? Review = null,
    ArticleLink? Article = null,
    DeskCoordinator? Coordinator = null)
{
    public BotReply(string text)
        : this(text, [])
    {
    }
}
