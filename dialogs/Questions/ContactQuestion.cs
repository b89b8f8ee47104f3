using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A phone number or an e-mail address (either is enough to call back).</summary>
public sealed class ContactQuestion : Question
{
    public ContactQuestion(IntakeStep step, string label, Func<IntakeRecord, string> prompt)
        : base(step, label, prompt, "例：「090-1234-5678」「taro@example.jp」", allowsUnknown: false)
    {
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var email = AnswerParsers.Email(text);
        if (email.IsValue)
        {
            record.Email = email.Value;
            record.Phone = null;
            return AnswerCheck.Stored;
        }

        var phone = AnswerParsers.Phone(text);
        if (phone.IsValue)
        {
            record.Phone = phone.Value;
            record.Email = null;
            return AnswerCheck.Stored;
        }

        return AnswerCheck.Rejected(phone.Problem ?? email.Problem);
    }

    public override string? Describe(IntakeRecord record) => record.Phone ?? record.Email;

    public override void Clear(IntakeRecord record)
    {
        record.Phone = null;
        record.Email = null;
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        to.Phone = from.Phone;
        to.Email = from.Email;
    }
}
