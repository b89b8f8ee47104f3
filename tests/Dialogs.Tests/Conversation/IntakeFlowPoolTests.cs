using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>A configured flow serves one turn after another, each time over the state it was rented for.</summary>
public class IntakeFlowPoolTests
{
    [Fact]
    public void A_flow_rented_again_moves_only_its_new_state()
    {
        var first = new IntakeState();
        var flow = IntakeFlow.Rent(first);
        flow.Start();
        flow.Return();

        var second = new IntakeState { Step = IntakeStep.AskerRole, Consented = true, Record = new IntakeRecord { Role = AskerRole.Lawyer } };
        var again = IntakeFlow.Rent(second);
        again.Answered();
        again.Return();

        Assert.Equal(IntakeStep.Consent, first.Step);
        Assert.Equal(IntakeStep.LawyerOffice, second.Step);
        Assert.Equal([IntakeStep.AskerRole], second.History);
    }

    [Fact]
    public void Flows_rented_on_many_threads_at_once_keep_to_their_own_states()
    {
        var states = Enumerable.Range(0, 2000)
            .Select(i => new IntakeState { Step = IntakeStep.AskerRole, Record = new IntakeRecord { Role = i % 2 == 0 ? AskerRole.Family : AskerRole.Lawyer } })
            .ToList();

        Parallel.ForEach(states, state =>
        {
            var flow = IntakeFlow.Rent(state);
            flow.Answered();
            flow.Return();
        });

        Assert.All(states, s => Assert.Equal(s.Record.Role == AskerRole.Family ? IntakeStep.Relation : IntakeStep.LawyerOffice, s.Step));
    }
}
