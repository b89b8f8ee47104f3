using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// Someone who declined consent may change their mind by typing, and someone who goes on to tell
/// about a person is told that nothing of it is kept, never answered as if it were a question.
/// </summary>
public sealed class AfterDecliningTests
{
    private static ConversationDriver Declined() =>
        new ConversationDriver().SendAll("相談を始める", "同意しません");

    [Theory]
    [InlineData("同意します")]
    [InlineData("やっぱり同意します")]
    [InlineData("はい")]
    [InlineData("どうい します")]
    public void A_typed_yes_after_declining_shows_the_consent_notice_again_without_giving_consent(string text)
    {
        var chat = Declined();
        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);

        chat.Send(text);

        Assert.Equal(IntakeStep.Consent, chat.Step);
        Assert.False(chat.State.Consented);
        Assert.Contains("同意していただけますか", chat.LastText);
        Assert.Contains("同意する", chat.Buttons);
    }

    [Theory]
    [InlineData("母です")]
    [InlineData("息子が先月刑務所を出ましたが住むところがありません")]
    [InlineData("72さい")]
    public void Telling_about_a_person_after_declining_keeps_nothing_and_shows_the_way_to_consent(string text)
    {
        var chat = Declined();

        chat.Send(text);

        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);
        Assert.False(chat.State.Consented);
        Assert.Empty(chat.State.Transcript);
        Assert.Null(chat.State.Record.SubjectAge);
        Assert.Contains("保存していません", chat.LastText);
        Assert.DoesNotContain("ここではお答えできません", chat.LastText);
        Assert.Contains("同意して相談を始める", chat.Buttons);
    }
}
