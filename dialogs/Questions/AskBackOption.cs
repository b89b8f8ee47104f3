namespace IntakeBot.Dialogs.Questions;

/// <summary>One button of an ask-back: its label, and the answer it stands for.</summary>
/// <param name="Label">The button text, also what the person may type.</param>
/// <param name="Answer">The answer in the question's own words (「ない」「東京都府中市」), stored when
/// chosen; null for 「いいえ」, which asks the question again.</param>
public sealed record AskBackOption(string Label, string? Answer);
