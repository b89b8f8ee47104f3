using System.Globalization;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>The subject's age, or birth date from which the age is computed.</summary>
public sealed class AgeQuestion : Question
{
    public AgeQuestion(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt)
        : base(step, label, prompt, "例：「72歳」「昭和28年5月1日」", allowsUnknown: true)
    {
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        return Accept(AnswerParsers.Age(text, today), record, age =>
        {
            record.SubjectAge = age.Age;
            record.SubjectBirthDate = age.BirthDate;
        });
    }

    public override string? Describe(IntakeRecord record) => record.SubjectAge switch
    {
        null => null,
        { } age when record.SubjectBirthDate is { } birth =>
            string.Create(CultureInfo.InvariantCulture, $"{age}歳（{DateQuestion.Format(birth)}生まれ）"),
        { } age => string.Create(CultureInfo.InvariantCulture, $"{age}歳"),
    };

    public override void Clear(IntakeRecord record)
    {
        record.SubjectAge = null;
        record.SubjectBirthDate = null;
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        to.SubjectAge = from.SubjectAge;
        to.SubjectBirthDate = from.SubjectBirthDate;
    }
}
