using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class ForeignLanguageTests
{
    [Theory]
    [InlineData("Hello, my son was arrested last week. Can you help us?", "045-000-0000")]
    [InlineData("我的儿子被逮捕了，我应该怎么办？", "045-000-0000")]
    [InlineData("아들이 체포되었습니다. 도와주세요.", "045-000-0000")]
    [InlineData("Con trai tôi bị bắt. Tôi phải làm gì?", "045-000-0000")]
    public void A_message_in_another_language_gets_the_fixed_notice_and_the_flow_stays_where_it_was(string message, string phone)
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する");

        chat.Send(message);

        Assert.Equal(IntakeStep.AskerRole, chat.Step);
        Assert.Contains(phone, chat.Last.Replies[0].Text);
        Assert.Contains("日本語", chat.Last.Replies[0].Text);
        Assert.Null(chat.State.Record.Role);
    }

    [Theory]
    [InlineData("Robert Smith")]
    [InlineData("<script>alert(1)</script>")]
    public void A_latin_script_name_is_taken_as_the_name_not_as_a_foreign_language(string name)
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(18));
        Assert.Equal(IntakeStep.AskerName, chat.Step);

        chat.Send(name);

        Assert.Equal(name, chat.State.Record.AskerName);
        Assert.Equal(IntakeStep.Contact, chat.Step);
    }

    [Fact]
    public void A_foreign_language_message_at_the_greeting_gets_the_notice()
    {
        var chat = new ConversationDriver();

        chat.Send("Hello, my son was arrested last week. Can you help us?");

        Assert.Contains("045-000-0000", chat.Last.Replies[0].Text);
        Assert.Equal(IntakeStep.Welcome, chat.Step);
    }

    [Theory]
    [InlineData("OK")]
    [InlineData("はい")]
    [InlineData("72")]
    public void Short_or_ambiguous_answers_are_taken_as_japanese(string message)
    {
        var chat = new ConversationDriver().SendAll("相談を始める");

        chat.Send(message);

        Assert.DoesNotContain("日本語で相談できる方", chat.LastText);
    }
}
