using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class InterruptionTests
{
    private sealed class RecordingAnswerer : IQuestionAnswerer
    {
        public List<string> Questions { get; } = [];

        public IReadOnlyList<string> SuggestedQuestions { get; } = ["誰が相談できますか？", "加算とは何ですか？"];

        public KnowledgeAnswer? Answer(string question)
        {
            Questions.Add(question);
            return question.Contains("天気")
                ? null
                : new KnowledgeAnswer("センターは、福祉サービスにつなぐお手伝いをします。", new ArticleLink("center-overview", "センターの概要", "seed"));
        }
    }

    public static TheoryData<int> Steps => new() { 0, 2, 3, 6, 9, 16 };

    [Theory]
    [InlineData("死にたい")]
    [InlineData("もう消えたいです")]
    [InlineData("夫から暴力を受けています")]
    [InlineData("殺されるかもしれない")]
    [InlineData("自殺したい")]
    public void Crisis_words_get_emergency_numbers_and_an_urgent_ticket_at_once(string words)
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(6));
        var step = chat.Step;

        chat.Send(words);

        Assert.Contains("110", chat.LastText);
        Assert.Contains("119", chat.LastText);
        Assert.Contains("0120-000-000", chat.LastText);
        Assert.Contains("045-000-0000", chat.LastText);
        var ticket = Assert.Single(chat.Tickets);
        Assert.Equal(TicketKind.Crisis, ticket.Kind);
        Assert.Equal(Priority.Urgent, ticket.Triage.Priority);
        Assert.Equal(step, chat.Step);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void After_crisis_guidance_the_flow_resumes_at_the_same_step(int turns)
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerWithButtons.Answers(turns));
        var step = chat.Step;
        var answered = chat.State.Answered.ToHashSet();

        chat.Send("死にたい");

        Assert.Equal(step, chat.Step);
        Assert.Equal(answered, chat.State.Answered);
        Assert.Single(chat.Tickets);
    }

    [Fact]
    public void Crisis_before_consent_passes_on_only_the_crisis_message()
    {
        var chat = new ConversationDriver().SendAll("死にたい");

        var ticket = Assert.Single(chat.Tickets);
        Assert.Null(ticket.Record.Role);
        Assert.Equal("死にたい", Assert.Single(ticket.Transcript).Text);
        Assert.Empty(chat.State.Transcript);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_question_mid_intake_is_answered_and_the_same_question_is_asked_again(int turns)
    {
        var answerer = new RecordingAnswerer();
        var chat = new ConversationDriver(answerer: answerer).SendAll(IntakeScripts.FamilyWithButtons.Answers(turns));
        var step = chat.Step;
        var record = IntakeStateSerializer.Serialize(new IntakeState { Record = chat.State.Record });

        chat.Send("センターは何をしてくれますか？");

        Assert.Equal(step, chat.Step);
        Assert.Equal(record, IntakeStateSerializer.Serialize(new IntakeState { Record = chat.State.Record }));
        Assert.Single(answerer.Questions);
        Assert.Contains("福祉サービスにつなぐ", chat.LastText);
        Assert.Contains("出典", chat.LastText);
        Assert.NotNull(chat.Last.Replies[0].Article);
    }

    [Fact]
    public void A_question_the_knowledge_cannot_answer_is_not_guessed_and_a_person_is_offered()
    {
        var chat = new ConversationDriver(answerer: new RecordingAnswerer()).SendAll("相談を始める", "同意する");

        chat.Send("明日の天気はどうなりますか？");

        Assert.Contains("お答えできません", chat.LastText);
        Assert.Contains("人と話したい", chat.LastText);
        Assert.Equal(IntakeStep.AskerRole, chat.Step);
    }

    [Fact]
    public void Without_a_knowledge_base_questions_get_the_fallback_reply()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "家族・親族です");

        chat.Send("医療観察法の通院はいつまでですか？");

        Assert.Contains("お答えできません", chat.LastText);
        Assert.Equal(IntakeStep.Relation, chat.Step);
    }

    [Fact]
    public void A_short_date_with_a_question_mark_is_still_an_answer()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerWithButtons.Answers(10));
        Assert.Equal(IntakeStep.HearingDate, chat.Step);

        chat.Send("12月3日？");

        Assert.Equal(new DateOnly(2026, 12, 3), chat.State.Record.HearingDate);
    }

    [Fact]
    public void Asking_about_the_center_answers_and_offers_the_faq_as_buttons()
    {
        var answerer = new RecordingAnswerer();
        var chat = new ConversationDriver(answerer: answerer).SendAll("センターについて知りたい");

        Assert.Equal(IntakeStep.Welcome, chat.Step);
        Assert.Contains("誰が相談できますか？", chat.Buttons);
        Assert.Contains("相談を始める", chat.Buttons);

        chat.Send("加算とは何ですか？");

        Assert.Equal(IntakeStep.Welcome, chat.Step);
        Assert.StartsWith("加算とは何ですか", answerer.Questions[^1]);
    }

    [Fact]
    public void Returning_to_the_chat_greets_and_asks_the_same_question()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(7));
        var step = chat.Step;
        var conversation = new IntakeConversation(ConversationDriver.Center);

        var result = conversation.Handle(chat.State, UserInput.Started, ConversationDriver.Now);

        Assert.Equal(step, result.State.Step);
        Assert.Contains("続きから", result.Replies[0].Text);
    }
}
