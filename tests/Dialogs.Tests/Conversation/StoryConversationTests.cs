using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class StoryConversationTests
{
    private const string Story = "72歳の父が来月10日に刑務所を出るのですが、帰る家がなくて困っています。療育手帳は持っていません。";

    [Fact]
    public void A_first_story_is_confirmed_in_one_message_and_only_missing_questions_are_asked()
    {
        var chat = new ConversationDriver().SendAll(Story);
        Assert.Equal(IntakeStep.Consent, chat.Step);

        chat.Send("同意する");

        Assert.Equal(IntakeStep.ConfirmStory, chat.Step);
        var confirmation = Assert.Single(chat.Last.Replies);
        foreach (var fact in new[] { "家族・親族", "72歳", "刑務所・少年院に入っている", "2026年12月10日", "ない", "持っていない" })
        {
            Assert.Contains(fact, confirmation.Text);
        }

        Assert.Equal(["はい", "直す"], chat.Buttons);
        Assert.Null(chat.State.Record.Role);

        chat.Send("はい");

        Assert.Equal(IntakeStep.Disabilities, chat.Step);
        Assert.Equal(72, chat.State.Record.SubjectAge);
        Assert.Equal(new DateOnly(2026, 12, 10), chat.State.Record.ReleaseDate);
        Assert.Equal(Story, chat.State.Record.Details);
    }

    [Fact]
    public void After_confirming_the_story_the_intake_finishes_without_asking_its_facts_again()
    {
        var chat = new ConversationDriver().SendAll(Story, "同意する", "はい");
        var asked = new List<IntakeStep>();
        foreach (var answer in new[] { "知的障がい", "これで全部", "神奈川県", "いない", "はい", "答えない", "わからない", "山田花子", "090-1111-2222", "いつでもよい" })
        {
            asked.Add(chat.Step);
            chat.Send(answer);
        }

        Assert.Equal(IntakeStep.Review, chat.Step);
        Assert.DoesNotContain(IntakeStep.SubjectAge, asked);
        Assert.DoesNotContain(IntakeStep.ReleaseDate, asked);
        Assert.DoesNotContain(IntakeStep.Housing, asked);
    }

    [Fact]
    public void Rejecting_the_story_stores_none_of_it_and_asks_one_by_one()
    {
        var chat = new ConversationDriver().SendAll(Story, "同意する", "直す");

        Assert.Equal(IntakeStep.AskerRole, chat.Step);
        Assert.Null(chat.State.Record.SubjectAge);
        Assert.Null(chat.State.PendingStory);
        Assert.Empty(chat.State.Answered);
    }

    [Fact]
    public void A_story_refused_consent_is_deleted_unread()
    {
        var chat = new ConversationDriver().SendAll(Story, "同意しない");

        Assert.Null(chat.State.StoryBeforeConsent);
        Assert.DoesNotContain("刑務所", IntakeStateSerializer.Serialize(chat.State));
    }

    [Fact]
    public void A_story_told_mid_intake_confirms_only_what_is_not_answered_yet()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "母です", "45");

        chat.Send("息子は先月刑務所を出ましたが、住む家がなくて困っています");

        Assert.Equal(IntakeStep.ConfirmStory, chat.Step);
        Assert.DoesNotContain(IntakeStep.AskerRole, chat.State.PendingStory!.Steps);
        Assert.DoesNotContain(IntakeStep.SubjectAge, chat.State.PendingStory.Steps);
        Assert.Contains(IntakeStep.Stage, chat.State.PendingStory.Steps);
    }

    [Fact]
    public void A_story_and_a_question_together_get_an_answer_and_the_confirmation()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する");

        chat.Send("息子が逮捕されました。知的障害があります。何をしてもらえますか？");

        Assert.Equal(IntakeStep.ConfirmStory, chat.Step);
        Assert.Contains("お答えできません", chat.Last.Replies[0].Text);
        Assert.Equal(AskerRole.Family, chat.State.PendingStory!.Record.Role);
        Assert.Equal(Stage.Arrested, chat.State.PendingStory.Record.Stage);
    }

    [Fact]
    public void Back_after_a_confirmed_story_goes_to_the_last_confirmed_fact()
    {
        var chat = new ConversationDriver().SendAll(Story, "同意する", "はい", "戻る");

        Assert.Equal(IntakeStep.Details, chat.Step);
        Assert.Contains("いまの回答", chat.LastText);
    }
}
