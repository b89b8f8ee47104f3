using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// One intake question as data: what is asked (in standard and in plain Japanese for 本人),
/// which buttons are offered, how an answer is understood and where it is stored.
/// </summary>
public abstract class Question
{
    /// <summary>The button and reply that mean 「わからない」.</summary>
    public const string UnknownLabel = "わからない";

    private readonly Func<IntakeRecord, bool, string> _prompt;

    protected Question(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt, string example, bool allowsUnknown)
    {
        Step = step;
        Label = label;
        _prompt = prompt;
        Example = example;
        AllowsUnknown = allowsUnknown;
    }

    public IntakeStep Step { get; }

    /// <summary>Short field name for the review (「年齢」).</summary>
    public string Label { get; }

    /// <summary>Example answers shown when an answer was not understood.</summary>
    public string Example { get; }

    public bool AllowsUnknown { get; }

    /// <summary>Example answers in やさしい日本語, shown instead of <see cref="Example"/> in the plain mode.</summary>
    public string PlainExample { get; init; } = string.Empty;

    /// <summary>The question, in やさしい日本語 when <paramref name="plain"/>.</summary>
    public string Prompt(IntakeRecord record, bool plain = false) => _prompt(record, plain);

    /// <summary>The buttons offered with the question.</summary>
    public IReadOnlyList<string> Buttons(IntakeRecord record)
    {
        var labels = new List<string>(OptionLabels(record));
        if (AllowsUnknown)
        {
            labels.Add(UnknownLabel);
        }

        return labels;
    }

    /// <summary>Understands <paramref name="text"/> and, when it is a valid answer, stores it in the record.</summary>
    public abstract AnswerCheck Apply(string text, IntakeRecord record, DateOnly today);

    /// <summary>The stored answer as text, or null when there is none (or it is 「わからない」).</summary>
    public abstract string? Describe(IntakeRecord record);

    /// <summary>Forgets the stored answer.</summary>
    public abstract void Clear(IntakeRecord record);

    /// <summary>Takes this question's answer from another record (facts confirmed from a story).</summary>
    public abstract void Copy(IntakeRecord from, IntakeRecord to);

    protected virtual IEnumerable<string> OptionLabels(IntakeRecord record) => [];

    /// <summary>Shown after an answer the asker only heard from someone else.</summary>
    public const string HearsayNote = "（聞いた話）";

    /// <summary>Records whether the stored answer is hearsay (「〜と聞いています」), so the review can say so.</summary>
    protected void MarkHearsay(IntakeRecord record, bool hearsay, string? source = null)
    {
        record.Hearsay.Remove(Step);
        record.HeardFrom.Remove(Step);
        if (hearsay)
        {
            record.Hearsay.Add(Step);
            if (source is not null)
            {
                record.HeardFrom[Step] = source;
            }
        }
    }

    /// <summary>Copies whether <paramref name="from"/>'s answer is hearsay, and from whom.</summary>
    protected void CopyHearsay(IntakeRecord from, IntakeRecord to) =>
        MarkHearsay(to, from.Hearsay.Contains(Step), from.HeardFrom.GetValueOrDefault(Step));

    /// <summary>
    /// <paramref name="described"/> with the hearsay note when the answer was heard from someone
    /// else, naming them when the asker did (「（聞いた話：弁護士さんから）」).
    /// </summary>
    protected string? WithHearsay(IntakeRecord record, string? described) =>
        described is null || !record.Hearsay.Contains(Step) ? described
        : record.HeardFrom.TryGetValue(Step, out var source) ? $"{described}（聞いた話：{source}から）"
        : described + HearsayNote;

    /// <summary>
    /// Stores a parsed answer: a value through <paramref name="store"/>; 「わからない」 (where allowed)
    /// by clearing the answer, or through <paramref name="storeUnknown"/>; anything else is rejected
    /// and the record is left as it was.
    /// </summary>
    protected AnswerCheck Accept<T>(Parsed<T> parsed, IntakeRecord record, Action<T> store, Action? storeUnknown = null)
    {
        switch (parsed.Outcome)
        {
            case ParseOutcome.Value:
                store(parsed.Value!);
                return AnswerCheck.Stored;
            case ParseOutcome.Unknown when AllowsUnknown:
                if (storeUnknown is null)
                {
                    Clear(record);
                }
                else
                {
                    storeUnknown();
                }

                return AnswerCheck.Stored;
            default:
                return AnswerCheck.Rejected(parsed.Problem);
        }
    }
}
