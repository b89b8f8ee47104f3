using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// The name of the person who needs support, optional, stored without the polite frame
/// (「山田太郎です」 → 山田太郎). A reading given with it (「山田太郎（やまだたろう）」) is kept as
/// the ふりがな; a name in kana is its own reading.
/// </summary>
public sealed class SubjectNameQuestion : Question
{
    private const int MaxLength = 50;

    public SubjectNameQuestion(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt)
        : base(step, label, prompt, "例：「山田 太郎（やまだ たろう）」", allowsUnknown: true)
    {
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        if (SpokenValue.IsSkip(normalized))
        {
            Clear(record);
            return AnswerCheck.Stored;
        }

        var (name, kana) = NameReading.Split(SpokenValue.Strip(text));
        if (name.Length == 0)
        {
            return AnswerCheck.Rejected(null);
        }

        if (name.Length > MaxLength)
        {
            return AnswerCheck.Rejected($"{MaxLength}文字以内でお願いします。");
        }

        record.SubjectName = name;
        record.SubjectNameKana = kana ?? (NameReading.IsKana(name) ? NameReading.Spaced(name) : null);
        return record.SubjectNameKana is null ? AnswerCheck.Stored : AnswerCheck.Stored with { AlsoAnswered = [IntakeStep.SubjectNameKana] };
    }

    public override string? Describe(IntakeRecord record) => record.SubjectName;

    public override void Clear(IntakeRecord record)
    {
        record.SubjectName = null;
        record.SubjectNameKana = null;
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        to.SubjectName = from.SubjectName;
        to.SubjectNameKana = from.SubjectNameKana;
    }

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => [SpokenValue.DeclineLabel];
}
