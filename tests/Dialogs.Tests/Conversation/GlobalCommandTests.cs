using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class GlobalCommandTests
{
    /// <summary>How many turns of the family script lead to each step tested below.</summary>
    public static TheoryData<int> StepsIntoTheFamilyScript => new() { 3, 5, 8, 12, 17 };

    private static ConversationDriver FamilyAfter(int turns) =>
        new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(turns));

    [Theory]
    [MemberData(nameof(StepsIntoTheFamilyScript))]
    public void Back_returns_to_the_previous_question_and_shows_the_answer_given(int turns)
    {
        var chat = FamilyAfter(turns);
        var previous = chat.State.History[^1];

        chat.Send("戻る");

        Assert.Equal(previous, chat.Step);
        Assert.Contains("いまの回答", chat.LastText);
    }

    [Fact]
    public void Back_then_answering_again_continues_where_the_person_was()
    {
        var chat = FamilyAfter(8);
        var at = chat.Step;

        chat.SendAll("戻る", "戻る", "戻る", "戻る");
        Assert.Equal(IntakeStep.SubjectAge, chat.Step);
        chat.Send("74");

        Assert.Equal(74, chat.State.Record.SubjectAge);
        Assert.Equal(at, chat.Step);
    }

    [Fact]
    public void Back_at_the_first_question_says_it_cannot_go_further()
    {
        var chat = FamilyAfter(2);

        chat.Send("戻る");

        Assert.Equal(IntakeStep.AskerRole, chat.Step);
        Assert.Contains("戻れません", chat.LastText);
    }

    [Theory]
    [MemberData(nameof(StepsIntoTheFamilyScript))]
    public void Restart_clears_the_answers_and_shows_the_greeting(int turns)
    {
        var chat = FamilyAfter(turns);

        chat.Send("最初から");

        Assert.Equal(IntakeStep.Welcome, chat.Step);
        Assert.Null(chat.State.Record.Role);
        Assert.Empty(chat.State.Answered);
        Assert.Contains("相談を始める", chat.Buttons);
    }

    [Fact]
    public void After_restart_a_consented_person_is_not_asked_for_consent_again()
    {
        var chat = FamilyAfter(5).SendAll("最初から", "相談を始める");

        Assert.Equal(IntakeStep.AskerRole, chat.Step);
    }

    [Theory]
    [MemberData(nameof(StepsIntoTheFamilyScript))]
    public void Help_explains_the_commands_and_asks_the_same_question_again(int turns)
    {
        var chat = FamilyAfter(turns);
        var step = chat.Step;

        chat.Send("ヘルプ");

        Assert.Equal(step, chat.Step);
        Assert.Contains("「戻る」", chat.LastText);
    }

    [Theory]
    [MemberData(nameof(StepsIntoTheFamilyScript))]
    public void Asking_for_a_person_creates_a_handoff_ticket_and_the_flow_resumes(int turns)
    {
        var chat = FamilyAfter(turns);
        var step = chat.Step;

        chat.Send("人と話したい");

        Assert.Equal(step, chat.Step);
        var ticket = Assert.Single(chat.Tickets);
        Assert.Equal(TicketKind.Handoff, ticket.Kind);
        Assert.Contains(ticket.Transcript, t => t.FromUser);
        Assert.Contains("045-000-0000", chat.LastText);
    }

    [Fact]
    public void Asking_for_a_person_twice_makes_one_handoff_ticket()
    {
        var chat = FamilyAfter(5).SendAll("人と話したい", "人と話したい");

        Assert.Single(chat.Tickets);
    }

    [Fact]
    public void Asking_for_a_person_before_consent_gives_the_phone_but_stores_nothing()
    {
        var chat = new ConversationDriver().SendAll("人と話したい");

        Assert.Empty(chat.Tickets);
        Assert.Contains("045-000-0000", chat.LastText);
        Assert.Empty(chat.State.Transcript);
    }

    [Theory]
    [MemberData(nameof(StepsIntoTheFamilyScript))]
    public void Quit_deletes_everything_entered(int turns)
    {
        var chat = FamilyAfter(turns);

        chat.Send("やめる");

        Assert.IsType<DeleteConversationData>(Assert.Single(chat.Last.SideEffects));
        Assert.Equal(IntakeStep.Welcome, chat.Step);
        Assert.Null(chat.State.Record.Role);
        Assert.Empty(chat.State.Transcript);
        Assert.False(chat.State.Consented);
    }

    [Fact]
    public void A_story_containing_a_command_word_is_not_taken_as_the_command()
    {
        var chat = FamilyAfter(14);

        chat.Send("刑務所に戻るのではないかと心配で、最初からやり直したいと本人は言っています");

        Assert.Equal(IntakeStep.SubjectName, chat.Step);
        Assert.StartsWith("刑務所に戻る", chat.State.Record.Details);
    }
}
