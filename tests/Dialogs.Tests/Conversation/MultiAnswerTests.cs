using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>「あてはまるものをすべて」 questions collect every answer, not just the first tap.</summary>
public sealed class MultiAnswerTests
{
    private static ConversationDriver AtNeeds() =>
        new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(12));

    [Fact]
    public void After_one_tap_the_bot_asks_for_more_with_the_remaining_options_and_that_is_all()
    {
        var chat = AtNeeds();
        Assert.Equal(IntakeStep.Needs, chat.Step);

        chat.Send("住まい");

        Assert.Equal(IntakeStep.Needs, chat.Step);
        Assert.True(chat.State.CollectingMore);
        Assert.Contains("ほかにもありますか", chat.LastText);
        Assert.DoesNotContain("住まい", chat.Buttons);
        Assert.Contains("医療・通院", chat.Buttons);
        Assert.Contains("これで全部", chat.Buttons);
    }

    [Fact]
    public void Every_tap_is_kept_until_that_is_all_and_the_review_shows_them_all()
    {
        var chat = AtNeeds().SendAll("住まい", "医療・通院", "介護");

        chat.Send("これで全部");

        Assert.Equal([Need.Housing, Need.Medical, Need.ElderlyCare], chat.State.Record.Needs);
        Assert.Equal(IntakeStep.SubjectAgrees, chat.Step);
        chat.SendAll("はい", "特にありません", "山田一郎", "やまだいちろう", "横浜刑務所にいます", "山田花子", "090-1111-2222", "平日の午後");
        Assert.Equal(IntakeStep.Review, chat.Step);
        Assert.Contains(chat.Last.Replies[^1].Review!, i => i.Step == IntakeStep.Needs && i.Value == "住まい、医療・通院、介護");
    }

    [Theory]
    [InlineData("介護と通院", new[] { Need.ElderlyCare, Need.Medical })]
    [InlineData("住まい、仕事", new[] { Need.Housing, Need.DaytimeActivity })]
    public void A_typed_list_is_stored_whole_and_the_intake_goes_on(string text, Need[] needs)
    {
        var chat = AtNeeds();

        chat.Send(text);

        Assert.Equal(needs, chat.State.Record.Needs);
        Assert.Equal(IntakeStep.SubjectAgrees, chat.Step);
    }

    [Fact]
    public void A_typed_list_of_disabilities_is_stored_whole()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(5));
        Assert.Equal(IntakeStep.Disabilities, chat.Step);

        chat.Send("知的と精神");

        Assert.Equal([Disability.Intellectual, Disability.Mental], chat.State.Record.Disabilities);
        Assert.Equal(IntakeStep.Handbooks, chat.Step);
    }

    [Theory]
    [InlineData("ない")]
    [InlineData("以上です")]
    [InlineData("それだけ")]
    public void Saying_there_is_nothing_more_goes_on(string reply)
    {
        var chat = AtNeeds().SendAll("住まい");

        chat.Send(reply);

        Assert.Equal([Need.Housing], chat.State.Record.Needs);
        Assert.Equal(IntakeStep.SubjectAgrees, chat.Step);
    }

    [Fact]
    public void Choosing_none_does_not_ask_for_more()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(6));
        Assert.Equal(IntakeStep.Handbooks, chat.Step);

        chat.Send("持っていない");

        Assert.False(chat.State.CollectingMore);
        Assert.Equal(IntakeStep.Stage, chat.Step);
    }
}
