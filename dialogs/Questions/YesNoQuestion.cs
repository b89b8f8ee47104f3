using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A yes / no / 「わからない」 question.</summary>
public sealed class YesNoQuestion : Question
{
    private readonly Func<IntakeRecord, Answer?> _get;
    private readonly Action<IntakeRecord, Answer?> _set;
    private readonly string _yes;
    private readonly string _no;
    private readonly Func<string, AnswerReading?>? _meaning;

    public YesNoQuestion(
        IntakeStep step,
        string label,
        Func<IntakeRecord, bool, string> prompt,
        Func<IntakeRecord, Answer?> get,
        Action<IntakeRecord, Answer?> set,
        string yes = "はい",
        string no = "いいえ",
        Func<string, AnswerReading?>? meaning = null)
        : base(step, label, prompt, $"例：「{yes}」「{no}」「わからない」", allowsUnknown: true)
    {
        _get = get;
        _set = set;
        _yes = yes;
        _no = no;
        _meaning = meaning;
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        if (normalized == _yes || normalized == _no)
        {
            _set(record, normalized == _yes ? Answer.Yes : Answer.No);
            MarkHearsay(record, false);
            return AnswerCheck.Stored;
        }

        // 「いると聞いています」: the fact stands, marked as heard; the 「います」 of the hearsay is not a second yes.
        var fact = AnswerMeanings.WithoutHearsay(normalized);
        var heard = fact.Length > 0 && fact != normalized;
        if (_meaning?.Invoke(normalized) is { } reading)
        {
            if (reading.Confirm is { } prompt)
            {
                return AnswerCheck.Asking(AskBack.Confirm(prompt, LabelOf(reading.Value)));
            }

            _set(record, reading.Value);
            MarkHearsay(record, heard, AnswerMeanings.HearsaySource(normalized));
            return AnswerCheck.Stored;
        }

        var check = Accept(AnswerParsers.YesNo(fact.Length > 0 ? fact : normalized), record, yes => _set(record, yes ? Answer.Yes : Answer.No), () => _set(record, Answer.Unknown));
        if (check.Accepted)
        {
            MarkHearsay(record, heard && _get(record) != Answer.Unknown, AnswerMeanings.HearsaySource(normalized));
        }

        // The buttons say 「いる」「いない」 here, so the hint names them, not 「はい」「いいえ」.
        return check.Accepted || check.Problem is null ? check : AnswerCheck.Rejected($"「{_yes}」か「{_no}」でお答えください。");
    }

    private string LabelOf(Answer value) => value switch
    {
        Answer.Yes => _yes,
        Answer.No => _no,
        _ => UnknownLabel,
    };

    public override string? Describe(IntakeRecord record) => WithHearsay(record, _get(record) switch
    {
        Answer.Yes => _yes,
        Answer.No => _no,
        Answer.Unknown => UnknownLabel,
        _ => null,
    });

    public override void Clear(IntakeRecord record)
    {
        _set(record, null);
        MarkHearsay(record, false);
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        _set(to, _get(from));
        CopyHearsay(from, to);
    }

    // 「わからない」 is added by the base class.
    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => [_yes, _no];
}
