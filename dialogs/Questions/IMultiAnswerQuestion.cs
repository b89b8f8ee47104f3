using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>A 「あてはまるものをすべて」 question: after one answer it asks 「ほかにもありますか？」.</summary>
public interface IMultiAnswerQuestion
{
    /// <summary>True when something is chosen, it is not 「ない」, and other options are left.</summary>
    bool WantsMore(IntakeRecord record);

    /// <summary>How many options are chosen: a typed list of two or more is taken as the whole answer.</summary>
    int ChosenCount(IntakeRecord record);

    /// <summary>The options not chosen yet (「ない」 left out), as buttons.</summary>
    IReadOnlyList<string> RemainingLabels(IntakeRecord record);

    /// <summary>Adds the options named in <paramref name="text"/> to those already chosen; false when none was named.</summary>
    bool AddMore(string text, IntakeRecord record);
}
