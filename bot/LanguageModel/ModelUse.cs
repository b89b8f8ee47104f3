namespace IntakeBot.Bot.LanguageModel;

/// <summary>What the model is asked to do; names the audit action and the metric tag.</summary>
public enum ModelUse
{
    /// <summary>Read the intake facts of a first long message as JSON (then confirmed by the person).</summary>
    Story,
    /// <summary>A three-line 要約 of a ticket's transcript, shown labelled as machine-made.</summary>
    Summary,
    /// <summary>Word an answer only from retrieved knowledge articles.</summary>
    Answer,
}
