using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Tests.Conversation;

namespace IntakeBot.Dialogs.Tests.Questions;

/// <summary>
/// 「〜と聞いています」 keeps the fact, marks it as heard, and says who said it when the asker does,
/// so the coordinator knows whom to ask.
/// </summary>
public sealed class HearsaySourceTests
{
    private static readonly QuestionCatalog Catalog = new(ConversationDriver.Center);
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(IntakeStep.Guarantor, "いないと弁護士さんから聞いています", Answer.No, "いない（聞いた話：弁護士さんから）")]
    [InlineData(IntakeStep.Guarantor, "弁護士さんから、いないと聞いています", Answer.No, "いない（聞いた話：弁護士さんから）")]
    [InlineData(IntakeStep.Probation, "保護観察官によると、受けているそうです", Answer.Yes, "はい（聞いた話：保護観察官から）")]
    [InlineData(IntakeStep.Probation, "受けていると刑務所の職員から聞きました", Answer.Yes, "はい（聞いた話：刑務所の職員から）")]
    [InlineData(IntakeStep.SubjectAgrees, "同意していると本人からききました", Answer.Yes, "はい（聞いた話：本人から）")]
    public void Who_said_it_is_kept_beside_the_fact(IntakeStep step, string text, Answer expected, string described)
    {
        var record = new IntakeRecord();

        var check = Catalog[step].Apply(text, record, Today);

        Assert.True(check.Accepted, check.Problem);
        Assert.Equal(expected, step switch
        {
            IntakeStep.Guarantor => record.HasGuarantor,
            IntakeStep.Probation => record.OnProbation,
            _ => record.SubjectAgrees,
        });
        Assert.Equal(described, Catalog[step].Describe(record));
    }

    [Fact]
    public void Hearsay_without_a_speaker_is_marked_as_heard_only()
    {
        var record = new IntakeRecord();

        Catalog[IntakeStep.Guarantor].Apply("いないと聞いています", record, Today);

        Assert.Equal(Answer.No, record.HasGuarantor);
        Assert.Equal("いない" + Question.HearsayNote, Catalog[IntakeStep.Guarantor].Describe(record));
        Assert.Empty(record.HeardFrom);
    }

    [Fact]
    public void A_later_answer_of_ones_own_forgets_who_said_the_earlier_one()
    {
        var record = new IntakeRecord();
        var guarantor = Catalog[IntakeStep.Guarantor];
        guarantor.Apply("いないと弁護士さんから聞いています", record, Today);

        guarantor.Apply("いる", record, Today);

        Assert.Equal("いる", guarantor.Describe(record));
        Assert.Empty(record.HeardFrom);
        Assert.Empty(record.Hearsay);
    }

    [Fact]
    public void A_story_fact_confirmed_later_keeps_its_speaker()
    {
        var from = new IntakeRecord();
        var to = new IntakeRecord();
        var housing = Catalog[IntakeStep.Housing];
        housing.Apply("ないと保護観察所から聞いています", from, Today);

        housing.Copy(from, to);

        Assert.Equal("保護観察所", to.HeardFrom[IntakeStep.Housing]);
        Assert.Equal(housing.Describe(from), housing.Describe(to));
    }
}
