using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// 住まい: a settled home, none, or only a stay (友人宅・ネットカフェ・施設の一時利用), read by what the
/// answer means: 「公園にいます」 is where someone is, and no home.
/// </summary>
public sealed class HousingQuestion : Question
{
    /// <summary>The button, review and ticket text for a stay that is not a settled home.</summary>
    public const string UnstableLabel = "一時的な場所（友人宅・施設など）";

    private const string Yes = "ある";
    private const string No = "ない";

    public HousingQuestion(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt)
        : base(step, label, prompt, $"例：「{Yes}」「{No}」「友人の家にいる」「わからない」", allowsUnknown: true)
    {
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        switch (normalized)
        {
            case Yes:
                return Store(record, Answer.Yes, unstable: false);
            case No:
                return Store(record, Answer.No, unstable: false);
            case UnstableLabel:
                return Store(record, Answer.No, unstable: true);
        }

        var fact = AnswerMeanings.WithoutHearsay(normalized);
        var heard = fact.Length > 0 && fact != normalized;
        if (AnswerMeanings.Housing(normalized) is { } reading)
        {
            if (reading.Confirm is { } prompt)
            {
                return AnswerCheck.Asking(AskBack.Confirm(prompt, reading.Value == Answer.Yes ? Yes : No));
            }

            Store(record, reading.Value, reading.Unstable);
            MarkHearsay(record, heard, AnswerMeanings.HearsaySource(normalized));
            return AnswerCheck.Stored;
        }

        var parsed = AnswerParsers.YesNo(fact.Length > 0 ? fact : normalized);
        var check = Accept(parsed, record, yes => Store(record, yes ? Answer.Yes : Answer.No, unstable: false), () => Store(record, Answer.Unknown, unstable: false));
        if (check.Accepted)
        {
            MarkHearsay(record, heard && record.HasHousing != Answer.Unknown, AnswerMeanings.HearsaySource(normalized));
        }
        return check.Accepted || check.Problem is null ? check : AnswerCheck.Rejected($"「{Yes}」か「{No}」でお答えください。");
    }

    public override string? Describe(IntakeRecord record) => WithHearsay(record, record.HasHousing switch
    {
        Answer.Yes => Yes,
        Answer.No when record.HousingUnstable => UnstableLabel,
        Answer.No => No,
        Answer.Unknown => UnknownLabel,
        _ => null,
    });

    public override void Clear(IntakeRecord record)
    {
        record.HasHousing = null;
        record.HousingUnstable = false;
        MarkHearsay(record, false);
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        to.HasHousing = from.HasHousing;
        to.HousingUnstable = from.HousingUnstable;
        CopyHearsay(from, to);
    }

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => [Yes, No, UnstableLabel];

    private AnswerCheck Store(IntakeRecord record, Answer value, bool unstable)
    {
        MarkHearsay(record, false);
        record.HasHousing = value;
        record.HousingUnstable = unstable && value == Answer.No;
        return AnswerCheck.Stored;
    }
}
