namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// A short question back, instead of a guess, when an answer could mean what it seems to mean but
/// the parser is not sure (「公園にいます」 at 住まい). Nothing is stored until an option is chosen.
/// </summary>
/// <param name="Prompt">One short sentence (「住む家は、まだ決まっていない、ということですね？」).</param>
/// <param name="Options">The buttons; typed yes / no picks the first / last of a two-button ask-back.</param>
public sealed record AskBack(string Prompt, IReadOnlyList<AskBackOption> Options)
{
    /// <summary>
    /// The prompt in やさしい日本語 when it is built from the answer (「どこの 府中市ですか？」); fixed prompts
    /// have theirs with the plain labels. Absent in ask-backs saved before it existed.
    /// </summary>
    public string? PlainPrompt { get; init; }

    /// <summary>「…ということですね？」 with はい (stores <paramref name="answer"/>) and いいえ (asks again).</summary>
    public static AskBack Confirm(string prompt, string answer) =>
        new(prompt, [new AskBackOption("はい", answer), new AskBackOption("いいえ", null)]);
}
