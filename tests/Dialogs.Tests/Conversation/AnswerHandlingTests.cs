using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class AnswerHandlingTests
{
    [Theory]
    [InlineData(4, "ふつう")]
    [InlineData(4, "200歳")]
    [InlineData(8, "2月30日")]
    [InlineData(8, "きのう")]
    [InlineData(16, "電話はありません")]
    public void An_answer_that_is_not_understood_is_asked_again_with_an_example_and_nothing_is_stored(int turns, string answer)
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(turns));
        var step = chat.Step;
        var before = IntakeStateSerializer.Serialize(new IntakeState { Record = chat.State.Record });

        chat.Send(answer);

        Assert.Equal(step, chat.Step);
        Assert.Contains("例：", chat.LastText);
        Assert.Equal(before, IntakeStateSerializer.Serialize(new IntakeState { Record = chat.State.Record }));
        Assert.DoesNotContain(step, chat.State.Answered);
    }

    [Fact]
    public void After_two_misunderstandings_a_person_is_offered()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(4));

        chat.SendAll("ふつう", "ふつう");

        Assert.Contains("人と話したい", chat.Buttons);
    }

    [Fact]
    public void Unknown_is_a_valid_answer_and_shows_as_unknown_in_the_review()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerInFreeText);

        var review = chat.Last.Replies[^1].Review!;
        Assert.Equal("わからない", review.Single(i => i.Step == IntakeStep.Housing).Value);
        Assert.Equal(Answer.Unknown, chat.State.Record.HasHousing);
    }

    [Fact]
    public void Empty_message_is_answered_politely_and_changes_nothing()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する");
        var before = IntakeStateSerializer.Serialize(new IntakeState { Step = chat.Step, Record = chat.State.Record, Answered = chat.State.Answered });

        chat.Send("   ");

        Assert.Contains("空", chat.LastText);
        Assert.Equal(before, IntakeStateSerializer.Serialize(new IntakeState { Step = chat.Step, Record = chat.State.Record, Answered = chat.State.Answered }));
        Assert.DoesNotContain(chat.State.Transcript, t => t.FromUser && t.Text.Trim().Length == 0);
    }

    [Fact]
    public void Html_in_an_answer_is_kept_as_plain_text_not_interpreted()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(14));

        chat.Send("<script>alert(1)</script>");

        Assert.Equal("<script>alert(1)</script>", chat.State.Record.Details);
    }

    [Fact]
    public void A_correction_from_the_review_asks_that_question_and_returns_to_the_review()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons).SendAll("直す", "年齢");

        Assert.Equal(IntakeStep.SubjectAge, chat.Step);

        chat.Send("73");

        Assert.Equal(IntakeStep.Review, chat.Step);
        Assert.Equal("73歳", chat.Last.Replies[^1].Review!.Single(i => i.Step == IntakeStep.SubjectAge).Value);
        Assert.False(chat.State.Editing);
    }

    [Fact]
    public void Back_while_correcting_returns_to_the_review_unchanged()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons).SendAll("直す", "年齢", "戻る");

        Assert.Equal(IntakeStep.Review, chat.Step);
        Assert.Equal(72, chat.State.Record.SubjectAge);
    }

    [Fact]
    public void Changing_who_is_asking_asks_only_the_new_roles_questions_and_drops_the_old_ones()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons).SendAll("直す", "相談する方", "弁護士です");

        Assert.Equal(IntakeStep.LawyerOffice, chat.Step);
        chat.SendAll("みなと法律事務所", "横浜弁護士会", "わからない", "わからない");
        Assert.Equal(IntakeStep.Review, chat.Step);

        chat.Send("送信する");

        var ticket = Assert.Single(chat.Tickets);
        Assert.Equal(AskerRole.Lawyer, ticket.Record.Role);
        Assert.Null(ticket.Record.Relation);
    }
}
