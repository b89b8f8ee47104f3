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

    public static TheoryData<AskerRole, SupporterPurpose, bool, Stage?> EveryBranch()
    {
        var data = new TheoryData<AskerRole, SupporterPurpose, bool, Stage?>();
        foreach (var role in Enum.GetValues<AskerRole>())
        {
            foreach (var purpose in Enum.GetValues<SupporterPurpose>())
            {
                foreach (var disabled in new[] { true, false })
                {
                    foreach (var stage in Enum.GetValues<Stage>().Select(s => (Stage?)s).Append(null))
                    {
                        data.Add(role, purpose, disabled, stage);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryBranch))]
    public void The_path_for_a_record_is_the_one_the_conversation_walks(AskerRole role, SupporterPurpose purpose, bool disabled, Stage? stage)
    {
        var record = new IntakeRecord
        {
            Role = role,
            SupporterPurpose = purpose,
            Disabilities = disabled ? [Disability.Intellectual] : [Disability.None],
            Stage = stage,
        };
        // PathFor probes with a flow of its own; the conversation's flow answers question after question.
        var state = new IntakeState { Step = IntakeStep.AskerRole, Consented = true, Record = record };
        var walked = new List<IntakeStep>();
        var flow = IntakeFlow.Rent(state);
        while (state.Step != IntakeStep.Review && walked.Count < 100)
        {
            walked.Add(state.Step);
            flow.Answered();
        }

        flow.Return();

        Assert.Equal(walked, IntakeFlow.PathFor(record));
    }

    [Fact]
    public void Without_the_askers_role_the_path_ends_at_its_question()
    {
        // Every other branch has a default (an unknown stage goes on to the return area).
        Assert.Equal([IntakeStep.AskerRole], IntakeFlow.PathFor(new IntakeRecord()));

        // The probe that stopped is as good as new for the next path.
        Assert.Equal(IntakeStep.Relation, IntakeFlow.PathFor(new IntakeRecord { Role = AskerRole.Family })[1]);
    }
}
