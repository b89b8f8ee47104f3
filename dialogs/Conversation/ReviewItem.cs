namespace IntakeBot.Dialogs.Conversation;

/// <summary>One answer on the review card.</summary>
/// <param name="Step">The question it answers (the button to correct it).</param>
/// <param name="Label">The short field name (「年齢」).</param>
/// <param name="Value">The answer as the coordinator will read it.</param>
public sealed record ReviewItem(IntakeStep Step, string Label, string Value);
