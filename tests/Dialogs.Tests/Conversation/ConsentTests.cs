using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class ConsentTests
{
    [Fact]
    public void Nothing_about_the_person_is_asked_before_consent()
    {
        var chat = new ConversationDriver();
        chat.Send("相談を始める");

        Assert.Equal(IntakeStep.Consent, chat.Step);
        Assert.Equal(["同意する", "同意しない", InputSignals.PlainJapaneseButton], chat.Buttons);
    }

    [Fact]
    public void A_story_typed_before_consent_is_held_unread_outside_the_record_and_transcript()
    {
        var chat = new ConversationDriver();

        chat.Send("息子が逮捕されました。知的障害があります。");

        // Held only so the person need not write it again after consenting (refusal deletes it).
        Assert.Equal(IntakeStep.Consent, chat.Step);
        Assert.Equal("息子が逮捕されました。知的障害があります。", chat.State.StoryBeforeConsent);
        Assert.Empty(chat.State.Transcript);
        Assert.Empty(chat.State.Answered);
        Assert.Null(chat.State.PendingStory);
        var withoutTheHeldStory = chat.State.Clone();
        withoutTheHeldStory.StoryBeforeConsent = null;
        Assert.DoesNotContain("逮捕", IntakeStateSerializer.Serialize(withoutTheHeldStory));
    }

    [Fact]
    public void Refusing_consent_deletes_the_conversation_data_and_offers_questions_only()
    {
        var chat = new ConversationDriver().SendAll("相談を始める");

        chat.Send("同意しない");

        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);
        Assert.IsType<DeleteConversationData>(Assert.Single(chat.Last.SideEffects));
        Assert.Empty(chat.State.Transcript);
        Assert.False(chat.State.Consented);
    }

    [Fact]
    public void After_refusing_the_person_can_still_ask_questions_and_store_nothing()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意しない", "加算の要件は？", "息子は72歳です");

        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);
        Assert.Null(chat.State.Record.SubjectAge);
        Assert.Empty(chat.State.Transcript);
    }

    [Fact]
    public void The_person_can_change_their_mind_and_consent_later()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意しない", "同意して相談を始める", "同意する");

        Assert.Equal(IntakeStep.AskerRole, chat.Step);
        Assert.True(chat.State.Consented);
    }

    [Fact]
    public void The_transcript_starts_with_the_consent()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "母です");

        Assert.True(chat.State.Transcript[0].FromUser);
        Assert.Equal("同意する", chat.State.Transcript[0].Text);
        Assert.Contains(chat.State.Transcript, t => t.Text == "母です");
    }
}
