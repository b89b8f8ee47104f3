using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>Where a typed answer is not sure, the bot asks back in one sentence and stores only on yes.</summary>
public sealed class AskBackTests
{
    private static ConversationDriver AtHousing() =>
        new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(10));

    [Fact]
    public void An_unsure_answer_is_asked_back_with_buttons_and_nothing_is_stored()
    {
        var chat = AtHousing();
        Assert.Equal(IntakeStep.Housing, chat.Step);

        chat.Send("病院にいます");

        Assert.Equal(IntakeStep.Housing, chat.Step);
        Assert.Equal(AnswerMeanings.HousingNotSettled, chat.LastText);
        Assert.Equal(["はい", "いいえ"], chat.Buttons);
        Assert.Null(chat.State.Record.HasHousing);
    }

    [Theory]
    [InlineData("はい")]
    [InlineData("そうです")]
    [InlineData("うん")]
    public void A_yes_to_the_ask_back_stores_its_answer_and_goes_on(string reply)
    {
        var chat = AtHousing().SendAll("病院にいます");

        chat.Send(reply);

        Assert.Equal(Answer.No, chat.State.Record.HasHousing);
        Assert.Equal(IntakeStep.Guarantor, chat.Step);
    }

    [Theory]
    [InlineData("いいえ")]
    [InlineData("ちがいます")]
    public void A_no_to_the_ask_back_asks_the_question_again_and_stores_nothing(string reply)
    {
        var chat = AtHousing().SendAll("病院にいます");

        chat.Send(reply);

        Assert.Null(chat.State.Record.HasHousing);
        Assert.Equal(IntakeStep.Housing, chat.Step);
        Assert.Null(chat.State.PendingAskBack);
        Assert.Contains("ある", chat.Buttons);
    }

    [Fact]
    public void Another_answer_instead_of_the_ask_back_is_read_as_the_answer()
    {
        var chat = AtHousing().SendAll("病院にいます");

        chat.Send("実家に帰ります");

        Assert.Equal(Answer.Yes, chat.State.Record.HasHousing);
        Assert.Equal(IntakeStep.Guarantor, chat.Step);
    }

    [Fact]
    public void A_pending_ask_back_survives_saving_and_a_state_saved_before_ask_backs_still_loads()
    {
        var chat = AtHousing().SendAll("病院にいます");

        var restored = IntakeStateSerializer.Deserialize(IntakeStateSerializer.Serialize(chat.State));
        var old = IntakeStateSerializer.Deserialize("""{"step":"Housing","consented":true,"record":{"role":"Family","hasHousing":"No"},"answered":["AskerRole"]}""");

        Assert.Equal(chat.State.PendingAskBack!.Prompt, restored.PendingAskBack!.Prompt);
        Assert.Equal(chat.State.PendingAskBack.Options, restored.PendingAskBack.Options);
        Assert.Equal(AnswerMeanings.HousingNotSettled, restored.PendingAskBack!.Prompt);
        Assert.Equal("ない", restored.PendingAskBack.Options[0].Answer);
        Assert.Null(old.PendingAskBack);
        Assert.False(old.CollectingMore);
        Assert.False(old.Record.HousingUnstable);
        Assert.Equal(Answer.No, old.Record.HasHousing);
    }

    [Fact]
    public void A_bare_city_of_two_prefectures_is_asked_with_both_as_buttons()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(9));
        Assert.Equal(IntakeStep.ReturnArea, chat.Step);

        chat.Send("府中");

        Assert.Equal(["東京都府中市", "広島県府中市", "ほかの場所"], chat.Buttons);
        chat.Send("東京都府中市");
        Assert.Equal(("東京都", "府中市"), (chat.State.Record.ReturnPrefecture, chat.State.Record.ReturnCity));
        Assert.Equal(IntakeStep.Housing, chat.Step);
    }

    [Fact]
    public void After_two_misses_the_person_is_offered_a_person_and_a_third_moves_on_as_unknown()
    {
        var chat = AtHousing().SendAll("ふつう", "ふつう");
        Assert.Contains("人と話したい", chat.Buttons);
        Assert.Contains(Question.UnknownLabel, chat.Buttons);

        chat.Send("ふつう");

        Assert.Equal(IntakeStep.Guarantor, chat.Step);
        Assert.Equal(Answer.Unknown, chat.State.Record.HasHousing);
        Assert.DoesNotContain("番号", chat.LastText);
    }
}
