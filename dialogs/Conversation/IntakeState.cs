using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// Everything the conversation remembers between turns. Plain serialisable data: the host
/// stores it after every turn and the flow is rebuilt from it (Stateless external state).
/// </summary>
public sealed class IntakeState
{
    public IntakeStep Step { get; set; } = IntakeStep.Welcome;
    public IntakeRecord Record { get; set; } = new();
    /// <summary>Questions answered so far, in the order they were answered; 「戻る」 pops it.</summary>
    public List<IntakeStep> History { get; set; } = [];
    /// <summary>Questions that have an answer (possibly 「わからない」) in <see cref="Record"/>.</summary>
    public HashSet<IntakeStep> Answered { get; set; } = [];
    public bool Consented { get; set; }
    /// <summary>True while one answer is being corrected from the review.</summary>
    public bool Editing { get; set; }
    /// <summary>Answers in a row at the current question that could not be understood.</summary>
    public int FailedAttempts { get; set; }
    /// <summary>Ticket kinds already requested in this intake; each is requested once.</summary>
    public HashSet<TicketKind> TicketsRequested { get; set; } = [];
    /// <summary>Counts the intakes of this conversation (「最初から」 after sending starts a new one).</summary>
    public int IntakeNumber { get; set; } = 1;
    public List<TranscriptEntry> Transcript { get; set; } = [];
    /// <summary>Facts read from a story, waiting for the person's confirmation.</summary>
    public StoryFacts? PendingStory { get; set; }
    /// <summary>
    /// An ask-back waiting for its answer at the current question (「住む家は、まだ決まっていない、
    /// ということですね？」). Absent in states saved before ask-backs existed, which still load.
    /// </summary>
    public AskBack? PendingAskBack { get; set; }
    /// <summary>True while a 「あてはまるものをすべて」 question collects more answers (「ほかにもありますか？」).</summary>
    public bool CollectingMore { get; set; }
    /// <summary>A story written before consent, read only once consent is given (deleted on refusal).</summary>
    public string? StoryBeforeConsent { get; set; }
    /// <summary>
    /// True while the one way to reach the person is asked, right after crisis guidance or a
    /// handoff request; the question in <see cref="Step"/> waits.
    /// </summary>
    public bool AskingCaseContact { get; set; }
    /// <summary>Replies to that question in a row that were not a way; after two, there is none.</summary>
    public int CaseContactFailures { get; set; }
    /// <summary>The way to reach the person this case holds (given at the crisis or handoff, or as the intake's answer).</summary>
    public CaseContact? CaseContact { get; set; }
    /// <summary>
    /// True once someone asked for やさしい日本語 (「やさしい日本語で」, or the button); every later text
    /// is plain. States saved before it existed load as false, and 本人 is plain anyway (<see cref="IsPlain"/>).
    /// </summary>
    public bool PlainJapanese { get; set; }
    /// <summary>Coming back to an earlier case with its 受付番号 and 引き継ぎコード (null: never tried here).</summary>
    public CaseLink? CaseLink { get; set; }

    /// <summary>
    /// The coordinator who joined from the desk (human mode): the bot is silent, crisis guidance
    /// and 「やめる」 aside, until the handback. The question in <see cref="Step"/> waits.
    /// </summary>
    public DeskCoordinator? Coordinator { get; set; }

    /// <summary>Since when the person waits for a coordinator after 「人と話したい」 within the hours; null: nobody waits.</summary>
    public DateTimeOffset? WaitingForPersonSince { get; set; }

    /// <summary>Whether the bot speaks やさしい日本語: on request, or because 本人 is writing.</summary>
    public bool IsPlain() => PlainJapanese || Record.Role == AskerRole.Self;

    /// <summary>
    /// A deep copy that shares nothing mutable with this state, so a turn can change it freely
    /// while the host keeps the saved one (for a retry, or a second run with a model's findings).
    /// Transcript entries are immutable records and are shared.
    /// </summary>
    public IntakeState Clone()
    {
        var copy = (IntakeState)MemberwiseClone();
        copy.Record = Record.Clone();
        copy.History = [.. History];
        copy.Answered = [.. Answered];
        copy.TicketsRequested = [.. TicketsRequested];
        copy.Transcript = [.. Transcript];
        copy.PendingStory = PendingStory?.Clone();
        return copy;
    }
}
