using IntakeBot.Dialogs.Conversation;
using IntakeBot.Load.Bench;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// The load bench (tests/Load.Bench) sends its family script as plain strings; its "filing turns"
/// figures mean something only if that script still files an intake with today's flow.
/// </summary>
public sealed class LoadBenchScriptTests
{
    [Fact]
    public void The_load_bench_family_script_files_an_intake_and_every_answer_is_understood()
    {
        var script = IntakeScript.Family(ConversationDriver.Now);
        var chat = new ConversationDriver();

        foreach (var answer in script.Answers)
        {
            chat.Send(answer);
            Assert.False(
                script.NotUnderstood.Any(chat.LastText.Contains),
                $"「{answer}」 not understood at {chat.Step}: {chat.LastText}");
        }

        Assert.Equal(IntakeStep.Done, chat.Step);
        Assert.Equal(TicketKind.Intake, Assert.Single(chat.Tickets).Kind);
        Assert.Contains(script.ReferenceMarker, chat.LastText);
    }
}
