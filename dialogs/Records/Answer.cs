namespace IntakeBot.Dialogs.Records;

/// <summary>Three-valued answer for questions where 「わからない」 is a legitimate reply.</summary>
public enum Answer
{
    Yes,
    No,
    Unknown,
}
