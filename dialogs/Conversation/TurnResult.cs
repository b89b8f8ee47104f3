namespace IntakeBot.Dialogs.Conversation;

/// <summary>The outcome of one turn: the state to save, the messages to send, and what the host must do.</summary>
public sealed record TurnResult(
    IntakeState State,
    IReadOnlyList<BotReply> Replies,
    IReadOnlyList<SideEffect> SideEffects)
{
    /// <summary>Placeholder in reply texts for the ticket's reference number, which only the host can allocate.</summary>
    public const string ReferenceNumberPlaceholder = "{受付番号}";

    /// <summary>
    /// Placeholder in reply texts for the 引き継ぎコード the host makes for the ticket this turn
    /// created. Only the reply shows it; the transcripts keep <see cref="CodeShownMark"/>.
    /// </summary>
    public const string AttachCodePlaceholder = "{引き継ぎコード}";

    /// <summary>What transcripts say where the code was shown: the code itself is kept only as a hash.</summary>
    public const string CodeShownMark = "（表示済み）";

    /// <summary>A case key the host must check before this turn can answer (see <see cref="CaseKeyCheck"/>).</summary>
    public CaseKeyCheck? CaseKeyToCheck { get; init; }

    /// <summary>The story this turn read, if it read one.</summary>
    public StoryReading? StoryRead { get; init; }

    /// <summary>The questions this turn answered from the knowledge, in order.</summary>
    public IReadOnlyList<QuestionAnswered> QuestionsAnswered { get; init; } = [];

    /// <summary>
    /// Fills in the reference number the host allocated for the ticket this turn created: in the
    /// replies, and in the transcript the state and the tickets keep, so the coordinator reads
    /// the same number the person was given.
    /// </summary>
    public TurnResult WithReferenceNumber(string referenceNumber)
    {
        var state = State.Clone();
        state.Transcript = FillReferenceNumber(state.Transcript, referenceNumber);
        return this with
        {
            State = state,
            Replies = Replies.Select(r => r with { Text = FillReferenceNumber(r.Text, referenceNumber) }).ToList(),
            SideEffects = SideEffects
                .Select(e => e is CreateTicket ticket ? ticket.WithReferenceNumber(referenceNumber) : e)
                .ToList(),
        };
    }

    /// <summary>
    /// Fills in the code the host made for this turn's ticket: in the replies only. The state's
    /// and the tickets' transcripts say <see cref="CodeShownMark"/>, so no coordinator, print
    /// view or later reader sees the code.
    /// </summary>
    public TurnResult WithAttachCode(string displayCode)
    {
        var state = State.Clone();
        state.Transcript = state.Transcript.Select(t => t with { Text = HideAttachCode(t.Text) }).ToList();
        return this with
        {
            State = state,
            Replies = Replies.Select(r => r with { Text = r.Text.Replace(AttachCodePlaceholder, displayCode, StringComparison.Ordinal) }).ToList(),
            SideEffects = SideEffects
                .Select(e => e is CreateTicket ticket ? ticket with { Transcript = ticket.Transcript.Select(t => t with { Text = HideAttachCode(t.Text) }).ToList() } : e)
                .ToList(),
        };
    }

    public static string HideAttachCode(string text) => text.Replace(AttachCodePlaceholder, CodeShownMark, StringComparison.Ordinal);

    public static string FillReferenceNumber(string text, string referenceNumber) =>
        text.Replace(ReferenceNumberPlaceholder, referenceNumber, StringComparison.Ordinal);

    public static List<TranscriptEntry> FillReferenceNumber(IEnumerable<TranscriptEntry> transcript, string referenceNumber) =>
        transcript.Select(t => t with { Text = FillReferenceNumber(t.Text, referenceNumber) }).ToList();
}
