namespace IntakeBot.Dialogs.Parsing;

/// <summary>How an answer parser judged a piece of user text.</summary>
public enum ParseOutcome
{
    /// <summary>The text states a value.</summary>
    Value,
    /// <summary>The user says they do not know (「わからない」「不明」…).</summary>
    Unknown,
    /// <summary>The text could not be understood, or states an impossible value.</summary>
    Invalid,
}
