namespace IntakeBot.Dialogs.Bench;

/// <summary>What the question made of one corpus answer, judged against the corpus.</summary>
public enum AnswerOutcome
{
    StoredRight,
    AskedBack,
    StoredWrong,
    Refused,
}
