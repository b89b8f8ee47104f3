namespace IntakeBot.Dialogs.Conversation;

/// <summary>The outcome of one turn: the state to save, the messages to send, and what the host must do.</summary>
public sealed record TurnResult(
    IntakeState State,
    IReadOnlyList<BotReply> Replies,
    IReadOnlyList<SideEffect> SideEffects)
{
    /// <summary>Placeholder in reply texts for the ticket's reference number, which only the host can allocate.</summary>
    public const string ReferenceNumberPlaceholder = "{受付番号}";

    /// <summary>Fills in the reference number the host allocated for the ticket this turn created.</summary>
    public TurnResult WithReferenceNumber(string referenceNumber) => this with
    {
        Replies = Replies
            .Select(r => r with { Text = r.Text.Replace(ReferenceNumberPlaceholder, referenceNumber, StringComparison.Ordinal) })
            .ToList(),
    };
}
