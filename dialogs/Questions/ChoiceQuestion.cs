using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A question answered by one option of a fixed list.</summary>
public sealed class ChoiceQuestion<T> : Question
    where T : struct, Enum
{
    private readonly IReadOnlyList<Choice<T>> _choices;
    private readonly Func<IntakeRecord, T?> _get;
    private readonly Action<IntakeRecord, T?> _set;
    private readonly Func<string, IntakeRecord, IReadOnlyList<IntakeStep>>? _alsoAnswers;
    private readonly Func<string, T?>? _reading;

    public ChoiceQuestion(
        IntakeStep step,
        string label,
        Func<IntakeRecord, bool, string> prompt,
        IReadOnlyList<Choice<T>> choices,
        Func<IntakeRecord, T?> get,
        Action<IntakeRecord, T?> set,
        bool allowsUnknown = false,
        Func<string, IntakeRecord, IReadOnlyList<IntakeStep>>? alsoAnswers = null,
        Func<string, T?>? reading = null)
        : base(step, label, prompt, $"例：「{choices[0].Label}」", allowsUnknown)
    {
        _choices = choices;
        _get = get;
        _set = set;
        _alsoAnswers = alsoAnswers;
        _reading = reading;
    }

    public IReadOnlyList<Choice<T>> Choices => _choices;

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        // A reading by meaning comes first (「息子のことです」 at ご関係 is 親, not 子).
        var parsed = _reading?.Invoke(JapaneseText.Normalize(text)) is { } read ? Parsed<T>.Ok(read) : AnswerParsers.Choice(text, _choices);
        var check = Accept(parsed, record, value => _set(record, value));
        return parsed.IsValue && _alsoAnswers is not null
            ? check with { AlsoAnswered = _alsoAnswers(text, record) }
            : check;
    }

    public override string? Describe(IntakeRecord record)
    {
        var value = _get(record);
        return value is null ? null : _choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value.Value)).Label;
    }

    public override void Clear(IntakeRecord record) => _set(record, null);

    public override void Copy(IntakeRecord from, IntakeRecord to) => _set(to, _get(from));

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => _choices.Select(c => c.Label);
}
