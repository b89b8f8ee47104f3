using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Bot.Tickets;

/// <summary>Every answer of a record with the question's Japanese label, in the order the intake asked them.</summary>
public static class TicketAnswers
{
    public static IReadOnlyList<(string Label, string? Value)> For(IntakeRecord record, IConfiguration configuration)
    {
        if (record.Role is null)
        {
            // A handoff or crisis before the first answer: nothing was asked yet.
            return [];
        }

        var catalog = new QuestionCatalog(Center.CenterOptions.Read(configuration));
        IReadOnlyList<IntakeStep> path;
        try
        {
            path = IntakeFlow.PathFor(record);
        }
        catch (InvalidOperationException)
        {
            // A record that stops part-way (handoff mid-intake): list what the catalog can describe.
            path = [.. catalog.All.Select(q => q.Step)];
        }

        return [.. path.Where(catalog.IsQuestion).Select(step => (catalog[step].Label, catalog[step].Describe(record)))];
    }
}
