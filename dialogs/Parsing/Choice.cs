namespace IntakeBot.Dialogs.Parsing;

/// <summary>One option of a choice question: the button label and the words that also mean it.</summary>
/// <param name="Value">The value stored when chosen.</param>
/// <param name="Label">The button's label and value (sent back as the user's text).</param>
/// <param name="Synonyms">Other words or phrases that select this option (「母」「弁護人」).</param>
public sealed record Choice<T>(T Value, string Label, params string[] Synonyms);
