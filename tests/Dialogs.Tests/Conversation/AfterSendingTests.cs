using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>Issue 21 part 6: what is written after 送信 reaches the same ticket as a 追記, and is acknowledged truthfully.</summary>
public sealed class AfterSendingTests
{
    private static ConversationDriver Sent() => new ConversationDriver().SendAll(IntakeScripts.FamilyInFreeText).SendAll("送信する");

    [Theory]
    [InlineData("息子は糖尿病もあります")]
    [InlineData("それと 本人は 耳が 少し 遠いです")]
    [InlineData("言い忘れましたが、来週から入院するらしいです")]
    public void A_message_after_sending_is_added_to_the_intake_ticket_with_its_time(string message)
    {
        var chat = Sent();
        var intake = Assert.Single(chat.Tickets);

        chat.Send(message);

        var added = Assert.IsType<AppendToTicket>(Assert.Single(chat.Last.SideEffects));
        Assert.Equal(TicketKind.Intake, added.Kind);
        Assert.Equal(intake.IntakeNumber, added.IntakeNumber);
        Assert.Equal(message, added.Text);
        Assert.Equal(ConversationDriver.Now, added.At);
        Assert.Contains("担当者が読めるように、受付票に書き加えました", chat.LastText);
        Assert.Equal(IntakeStep.Done, chat.Step);
    }

    [Fact]
    public void Without_a_way_to_reach_the_person_the_acknowledgement_gives_the_phone_instead_of_a_promise()
    {
        var script = IntakeScripts.FamilyInFreeText.TakeWhile(a => a != "hanako@example.jp").Concat(["ない", "送信する"]).ToArray();
        var chat = new ConversationDriver().SendAll(script);

        chat.Send("息子は糖尿病もあります");

        Assert.IsType<AppendToTicket>(Assert.Single(chat.Last.SideEffects));
        Assert.Contains("045-000-0000", chat.LastText);
        Assert.DoesNotContain("連絡します", chat.LastText);
    }

    [Theory]
    [InlineData("ありがとうございました")]
    [InlineData("はい よろしくお願いします")]
    public void Thanks_are_not_added(string message)
    {
        var chat = Sent();

        chat.Send(message);

        Assert.Empty(chat.Last.SideEffects);
    }

    [Fact]
    public void A_question_after_sending_is_answered_not_added()
    {
        var chat = Sent();

        chat.Send("費用はかかりますか？");

        Assert.Empty(chat.Last.SideEffects);
        Assert.Single(chat.Last.QuestionsAnswered);
    }

    [Fact]
    public void A_phone_written_after_sending_without_one_reaches_the_case_and_then_a_call_is_promised()
    {
        var script = IntakeScripts.FamilyInFreeText.TakeWhile(a => a != "hanako@example.jp").Concat(["ない", "送信する"]).ToArray();
        var chat = new ConversationDriver().SendAll(script);

        chat.Send("友だちの携帯なら 080-2222-3333 です");

        Assert.Equal("080-2222-3333", Assert.Single(chat.Last.SideEffects.OfType<AddContactToCase>()).Contact.Phone);
        Assert.Single(chat.Last.SideEffects.OfType<AppendToTicket>());
        Assert.Contains("相談員から連絡します", chat.LastText);

        chat.Send("息子は糖尿病もあります");

        Assert.DoesNotContain("045-000-0000", chat.LastText);
        Assert.Contains("書き加えました", chat.LastText);
    }
}
