using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// A question the person may pass (「わからない」「答えない」, or typed: 「言いたくない」「まだない」),
/// answered in their own words and stored without the polite frame (「横浜地方裁判所です」 →
/// 横浜地方裁判所); a value with a form (事件番号) can be kept in its normal form (full-width digits folded). Court, 事件番号, through whom to reach the person.
/// </summary>
public sealed class OptionalTextQuestion : Question
{
    private readonly Func<IntakeRecord, string?> _get;
    private readonly Action<IntakeRecord, string?> _set;
    private readonly int _maxLength;
    private readonly Func<string, string?>? _problem;
    private readonly IReadOnlyList<string> _options;
    private readonly bool _storeNormalized;

    /// <summary>A skippable free-text question (kept as typed unless <paramref name="storeNormalized"/>); <paramref name="problem"/> says what is wrong with a value that has a form (事件番号), or null.</summary>
    public OptionalTextQuestion(
        IntakeStep step,
        string label,
        Func<IntakeRecord, bool, string> prompt,
        string example,
        Func<IntakeRecord, string?> get,
        Action<IntakeRecord, string?> set,
        int maxLength,
        Func<string, string?>? problem = null,
        IReadOnlyList<string>? options = null,
        bool storeNormalized = false)
        : base(step, label, prompt, example, allowsUnknown: true)
    {
        _get = get;
        _set = set;
        _maxLength = maxLength;
        _problem = problem;
        _options = options ?? [];
        _storeNormalized = storeNormalized;
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        if (SpokenValue.IsSkip(normalized) || _options.Contains(normalized))
        {
            _set(record, null);
            return AnswerCheck.Stored;
        }

        var value = SpokenValue.Strip(_storeNormalized ? normalized : text);
        if (value.Length == 0)
        {
            return AnswerCheck.Rejected(null);
        }

        if (value.Length > _maxLength)
        {
            return AnswerCheck.Rejected($"{_maxLength}文字以内でお願いします。");
        }

        if (_problem?.Invoke(value) is { } problem)
        {
            return AnswerCheck.Rejected(problem);
        }

        _set(record, value);
        return AnswerCheck.Stored;
    }

    public override string? Describe(IntakeRecord record) => _get(record);

    public override void Clear(IntakeRecord record) => _set(record, null);

    public override void Copy(IntakeRecord from, IntakeRecord to) => _set(to, _get(from));

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => [.. _options, SpokenValue.DeclineLabel];
}
