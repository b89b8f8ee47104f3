namespace IntakeBot.Knowledge;

/// <summary>An article or catalog file is missing, malformed, or breaks a rule (for example a duplicate id).</summary>
public sealed class KnowledgeLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KnowledgeLoadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public KnowledgeLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The parser error.</param>
    public KnowledgeLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
