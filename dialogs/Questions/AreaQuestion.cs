using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>帰住予定地: prefecture and, if given, municipality.</summary>
public sealed class AreaQuestion : Question
{
    private readonly string _homePrefecture;

    public AreaQuestion(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt, string homePrefecture)
        : base(step, label, prompt, $"例：「{homePrefecture}横浜市」「東京都新宿区」", allowsUnknown: true)
    {
        _homePrefecture = homePrefecture;
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        if (AnswerParsers.AreaCandidates(text) is { Count: > 1 } candidates)
        {
            // 「府中」 is in 東京都 and in 広島県: the person says which.
            var options = candidates.Select(c => new AskBackOption(c.Prefecture + c.City, c.Prefecture + c.City)).ToList();
            options.Add(new AskBackOption("ほかの場所", null));
            return AnswerCheck.Asking(new AskBack($"{candidates[0].City}は、どちらですか？", options) { PlainPrompt = $"どこの {candidates[0].City}ですか？" });
        }

        return Accept(AnswerParsers.Area(text), record, area =>
        {
            record.ReturnPrefecture = area.Prefecture;
            record.ReturnCity = area.City;
        });
    }

    public override string? Describe(IntakeRecord record) =>
        record.ReturnPrefecture is null ? null : record.ReturnPrefecture + record.ReturnCity;

    public override void Clear(IntakeRecord record)
    {
        record.ReturnPrefecture = null;
        record.ReturnCity = null;
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        to.ReturnPrefecture = from.ReturnPrefecture;
        to.ReturnCity = from.ReturnCity;
    }

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => [_homePrefecture];
}
