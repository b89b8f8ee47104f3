using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// ふりがな of the subject's name (for 本人, of their own name), optional: asked only when the
/// name was written with kanji and no reading.
/// </summary>
public sealed class NameKanaQuestion : Question
{
    private const int MaxLength = 60;

    public NameKanaQuestion(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt)
        : base(step, label, prompt, "例：「やまだ たろう」", allowsUnknown: true)
    {
    }

    /// <summary>
    /// Whether the reading belongs on the record's path: a subject's name was given (a reading
    /// given with it answers this question too), or 本人 wrote their own name with kanji.
    /// </summary>
    public static bool NeedsReading(IntakeRecord record) =>
        record.Role == AskerRole.Self
            ? !string.IsNullOrWhiteSpace(record.AskerName) && !NameReading.IsKana(record.AskerName)
            : !string.IsNullOrWhiteSpace(record.SubjectName);

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        if (SpokenValue.IsSkip(normalized))
        {
            Clear(record);
            return AnswerCheck.Stored;
        }

        var value = SpokenValue.Strip(text);
        if (!NameReading.IsKana(value))
        {
            return AnswerCheck.Rejected("ひらがなか、カタカナで書いてください。");
        }

        if (value.Length > MaxLength)
        {
            return AnswerCheck.Rejected($"{MaxLength}文字以内でお願いします。");
        }

        record.SubjectNameKana = NameReading.Spaced(value);
        return AnswerCheck.Stored;
    }

    public override string? Describe(IntakeRecord record) => record.SubjectNameKana;

    public override void Clear(IntakeRecord record) => record.SubjectNameKana = null;

    public override void Copy(IntakeRecord from, IntakeRecord to) => to.SubjectNameKana = from.SubjectNameKana;

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => [SpokenValue.DeclineLabel];
}
