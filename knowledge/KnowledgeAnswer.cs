namespace IntakeBot.Knowledge;

/// <summary>
/// The result of <see cref="KnowledgeBase.Answer"/>: either a <see cref="FoundAnswer"/> taken from one article
/// section, or a <see cref="NotFoundAnswer"/> when the knowledge base is not confident enough. It never guesses.
/// </summary>
public abstract record KnowledgeAnswer
{
    private protected KnowledgeAnswer(string question)
    {
        Question = question;
    }

    /// <summary>The question as it was asked.</summary>
    public string Question { get; }

    /// <summary><see langword="true"/> for a <see cref="FoundAnswer"/>.</summary>
    public abstract bool IsFound { get; }
}
