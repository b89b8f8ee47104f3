using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A question answered by one or more options of a fixed list (「住まいと介護」).</summary>
public sealed class MultiChoiceQuestion<T> : Question
    where T : struct, Enum
{
    private readonly IReadOnlyList<Choice<T>> _choices;
    private readonly Func<IntakeRecord, List<T>> _list;

    public MultiChoiceQuestion(
        IntakeStep step,
        string label,
        Func<IntakeRecord, string> prompt,
        IReadOnlyList<Choice<T>> choices,
        Func<IntakeRecord, List<T>> list,
        bool allowsUnknown = true)
        : base(step, label, prompt, $"例：「{choices[0].Label}」「{choices[0].Label}と{choices[1].Label}」", allowsUnknown)
    {
        _choices = choices;
        _list = list;
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        return Accept(AnswerParsers.Choices(text, _choices), record, values =>
        {
            var list = _list(record);
            list.Clear();
            list.AddRange(values);
        });
    }

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
