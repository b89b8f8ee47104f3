using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A question answered in the user's own words (names, 相談内容).</summary>
public sealed class TextQuestion : Question
{
    private readonly Func<IntakeRecord, string?> _get;
    private readonly Action<IntakeRecord, string?> _set;
    private readonly int _maxLength;
    private readonly IReadOnlyList<string> _options;
    private readonly bool _isName;

    public TextQuestion(
        IntakeStep step,
        string label,
        Func<IntakeRecord, bool, string> prompt,
        string example,
        Func<IntakeRecord, string?> get,
        Action<IntakeRecord, string?> set,
        int maxLength,
        IReadOnlyList<string>? options = null,
        bool allowsUnknown = false,
        bool isName = false)
        : base(step, label, prompt, example, allowsUnknown)
    {
        _get = get;
        _set = set;
        _maxLength = maxLength;
        _options = options ?? [];
        _isName = isName;
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        if (AllowsUnknown && AnswerParsers.IsUnknown(normalized))
        {
            _set(record, null);
            return AnswerCheck.Stored;
        }

        if (normalized.Length == 0)
        {
            return AnswerCheck.Rejected(null);
        }

        if (normalized.Length > _maxLength)
        {
            return AnswerCheck.Rejected($"{_maxLength}文字以内でお願いします。");
        }

        // Keep what the person typed (not the NFKC form) apart from surrounding white space:
        // names and stories are theirs.
        // A name is stored without the 「です」「と申します」 said around it.
        _set(record, _isName ? AnswerMeanings.BareName(text) : text.Trim());
        return AnswerCheck.Stored;
    }

    public override string? Describe(IntakeRecord record) => _get(record);

    public override void Clear(IntakeRecord record) => _set(record, null);

    public override void Copy(IntakeRecord from, IntakeRecord to) => _set(to, _get(from));

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => _options;
}
