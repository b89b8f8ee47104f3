using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Questions;

/// <summary>Whether an answer was accepted (and stored), and if not, why.</summary>
/// <param name="Accepted">True when the record was updated.</param>
/// <param name="Problem">For a rejected answer, a sentence saying what was wrong, if known.</param>
/// <param name="AlsoAnswered">Other questions the same answer settled (「母です」 answers the relation too).</param>
public sealed record AnswerCheck(bool Accepted, string? Problem, IReadOnlyList<IntakeStep> AlsoAnswered)
{
    public static AnswerCheck Stored { get; } = new(true, null, []);

    /// <summary>Set when nothing was stored because the answer needs a confirmation first.</summary>
    public AskBack? AskBack { get; init; }

    /// <summary>Nothing stored yet: <paramref name="askBack"/> is asked, and its chosen option is the answer.</summary>
    public static AnswerCheck Asking(AskBack askBack) => new(false, null, []) { AskBack = askBack };

    public static AnswerCheck Rejected(string? problem) => new(false, problem, []);
}
