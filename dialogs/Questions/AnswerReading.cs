using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// What a typed answer to a yes / no question means, read by its meaning rather than its form:
/// a value to store, or the same value to confirm first when the reading is not sure.
/// </summary>
/// <param name="Value">The answer the text states (or seems to state).</param>
/// <param name="Confirm">When not sure: the one short sentence that asks back (「…ということですね？」).</param>
/// <param name="Unstable">For housing: a stay that is not a settled home (友人宅・ネットカフェ・施設の一時利用).</param>
public sealed record AnswerReading(Answer Value, string? Confirm = null, bool Unstable = false);
