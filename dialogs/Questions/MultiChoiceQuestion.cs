using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A question answered by one or more options of a fixed list (「住まいと介護」).</summary>
public sealed class MultiChoiceQuestion<T> : Question, IMultiAnswerQuestion
    where T : struct, Enum
{
    private readonly IReadOnlyList<Choice<T>> _choices;
    private readonly Func<IntakeRecord, List<T>> _list;
    private readonly T? _none;

    public MultiChoiceQuestion(
        IntakeStep step,
        string label,
        Func<IntakeRecord, bool, string> prompt,
        IReadOnlyList<Choice<T>> choices,
        Func<IntakeRecord, List<T>> list,
        bool allowsUnknown = true,
        T? none = null)
        : base(step, label, prompt, $"例：「{choices[0].Label}」「{choices[0].Label}と{choices[1].Label}」", allowsUnknown)
    {
        _choices = choices;
        _list = list;
        _none = none;
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        return Accept(AnswerParsers.Choices(text, _choices), record, values =>
        {
            var list = _list(record);
            list.Clear();
            list.AddRange(WithoutNoneBesideOthers(values));
        });
    }

    public int ChosenCount(IntakeRecord record) => _list(record).Count;

    public bool WantsMore(IntakeRecord record)
    {
        var list = _list(record);
        return list.Count > 0 && !IsNoneChosen(list) && RemainingLabels(record).Count > 0;
    }

    public IReadOnlyList<string> RemainingLabels(IntakeRecord record)
    {
        var list = _list(record);
        return [.. _choices.Where(c => !list.Contains(c.Value) && !IsNone(c.Value)).Select(c => c.Label)];
    }

    public bool AddMore(string text, IntakeRecord record)
    {
        var parsed = AnswerParsers.Choices(text, _choices);
        if (!parsed.IsValue)
        {
            return false;
        }

        var list = _list(record);
        var added = false;
        foreach (var value in parsed.Value!.Where(v => !IsNone(v) && !list.Contains(v)))
        {
            list.Add(value);
            added = true;
        }

        return added;
    }

    private bool IsNone(T value) => _none is { } none && EqualityComparer<T>.Default.Equals(value, none);

    private bool IsNoneChosen(List<T> list) => list.Any(IsNone);

    // 「知的と、ほかはない」 names a disability and 「ない」: the named one is the answer.
    private IEnumerable<T> WithoutNoneBesideOthers(IReadOnlyList<T> values) =>
        values.Any(v => !IsNone(v)) ? values.Where(v => !IsNone(v)) : values;

    public override string? Describe(IntakeRecord record)
    {
        var list = _list(record);
        return list.Count == 0
            ? null
            : string.Join("、", list.Select(v => _choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, v)).Label));
    }

    public override void Clear(IntakeRecord record) => _list(record).Clear();

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        var target = _list(to);
        target.Clear();
        target.AddRange(_list(from));
    }

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => _choices.Select(c => c.Label);
}
