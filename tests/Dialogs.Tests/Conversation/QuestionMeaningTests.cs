using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>Questions are told from answers by what they say, before consent, during the intake and after it.</summary>
public sealed class QuestionMeaningTests
{
    // Knows two of the center's terms, like the knowledge articles do; anything else it cannot answer.
    private sealed class TermAnswerer : IQuestionAnswerer
    {
        public List<string> Answered { get; } = [];

        public IReadOnlyList<string> SuggestedQuestions => [];

        public KnowledgeAnswer? Answer(string question)
        {
            if (!question.Contains("加算", StringComparison.Ordinal) && !question.Contains("フェイスシート", StringComparison.Ordinal))
            {
                return null;
            }

            Answered.Add(question);
            return new KnowledgeAnswer("記事の抜粋です。", new ArticleLink("kasan-user-requirements", "加算の記事", "seed"));
        }
    }

    [Theory]
    [InlineData("加算の対象になる人は")]
    [InlineData("フェイスシートって何")]
    [InlineData("加算っていくらもらえるの")]
    public void Before_consent_a_question_without_a_question_mark_is_answered_instead_of_starting_the_intake(string question)
    {
        var answerer = new TermAnswerer();
        var chat = new ConversationDriver(answerer: answerer);

        chat.Send(question);

        Assert.Equal(IntakeStep.Welcome, chat.Step);
        Assert.Contains(question, answerer.Answered);
        Assert.Contains("記事の抜粋です。", chat.LastText);
        Assert.DoesNotContain("同意していただけますか", chat.LastText);
    }

    [Fact]
    public void At_the_consent_step_a_question_is_answered_and_consent_is_asked_again_without_being_given()
    {
        var answerer = new TermAnswerer();
        var chat = new ConversationDriver(answerer: answerer).SendAll("相談を始める");

        chat.Send("フェイスシートって何");

        Assert.Equal(IntakeStep.Consent, chat.Step);
        Assert.False(chat.State.Consented);
        Assert.Contains("記事の抜粋です。", chat.LastText);
        Assert.Contains("同意する", chat.Buttons);
    }

    [Theory]
    [InlineData("ラーメンのおいしい店を教えて")]
    [InlineData("明日の天気は")]
    [InlineData("ラーメン食べたい")]
    public void Before_consent_an_out_of_scope_request_gets_the_fixed_reply_and_the_phone_not_the_consent_notice(string text)
    {
        var chat = new ConversationDriver(answerer: new TermAnswerer());

        chat.Send(text);

        Assert.Equal(IntakeStep.Welcome, chat.Step);
        Assert.Contains("ここではお答えできません", chat.LastText);
        Assert.Contains(ConversationDriver.Center.Phone, chat.LastText);
        Assert.DoesNotContain("同意していただけますか", chat.LastText);
        Assert.All(chat.Last.Replies, r => Assert.Null(r.Article));
    }

    [Fact]
    public void Mid_intake_an_out_of_scope_question_gets_the_fixed_reply_and_the_same_question_again()
    {
        var chat = new ConversationDriver(answerer: new TermAnswerer()).SendAll(IntakeScripts.FamilyInFreeText.Take(3).ToArray());
        Assert.Equal(IntakeStep.SubjectAge, chat.Step);

        chat.Send("ラーメンのおいしい店を教えて");

        Assert.Equal(IntakeStep.SubjectAge, chat.Step);
        Assert.Contains("ここではお答えできません", chat.LastText);
        Assert.Contains(ConversationDriver.Center.Phone, chat.LastText);
        Assert.Null(chat.State.Record.SubjectAge);
    }

    [Fact]
    public void Mid_intake_a_long_question_without_a_question_mark_is_answered_and_the_intake_resumes()
    {
        var answerer = new TermAnswerer();
        var chat = new ConversationDriver(answerer: answerer).SendAll(IntakeScripts.FamilyInFreeText.Take(4).ToArray());
        var step = chat.Step;

        chat.Send("社会生活支援特別加算の対象になる人は");

        Assert.Equal(step, chat.Step);
        Assert.Single(answerer.Answered);
        Assert.Contains("続きをお聞きします", chat.LastText);
    }

    [Theory]
    [InlineData("七十二歳かな", 72)]
    [InlineData("たぶん72歳かな", 72)]
    [InlineData("68歳だと思います", 68)]
    public void A_hedged_age_is_stored_as_an_answer_not_taken_for_a_question(string text, int age)
    {
        var chat = new ConversationDriver(answerer: new TermAnswerer()).SendAll(IntakeScripts.FamilyInFreeText.Take(3).ToArray());
        Assert.Equal(IntakeStep.SubjectAge, chat.Step);

        chat.Send(text);

        Assert.Equal(age, chat.State.Record.SubjectAge);
    }

    [Theory]
    [InlineData("いつ出るかわからない")]
    [InlineData("出所の日はまだ決まっていないと聞いています")]
    public void A_date_reported_as_unknown_is_not_answered_as_a_question(string text)
    {
        var answerer = new TermAnswerer();
        var chat = new ConversationDriver(answerer: answerer).SendAll(IntakeScripts.FamilyWithButtons.Answers(8));
        Assert.Equal(IntakeStep.ReleaseDate, chat.Step);

        chat.Send(text);

        Assert.Empty(chat.Last.QuestionsAnswered);
        Assert.DoesNotContain("ここではお答えできません", chat.LastText);
    }

    [Fact]
    public void After_sending_a_question_without_a_question_mark_is_answered()
    {
        var answerer = new TermAnswerer();
        var chat = new ConversationDriver(answerer: answerer).SendAll(IntakeScripts.FamilyWithButtons);
        chat.Send("送信する");
        Assert.Equal(IntakeStep.Done, chat.Step);

        chat.Send("加算の対象になる人は");

        Assert.Equal(IntakeStep.Done, chat.Step);
        Assert.Contains("記事の抜粋です。", chat.LastText);
    }

    [Fact]
    public void Without_consent_an_out_of_scope_question_gets_the_fixed_reply_and_the_menu()
    {
        var chat = new ConversationDriver(answerer: new TermAnswerer()).SendAll("相談を始める", "同意しない");
        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);

        chat.Send("ラーメンのおいしい店を教えて");

        Assert.Equal(IntakeStep.QuestionsOnly, chat.Step);
        Assert.Contains("ここではお答えできません", chat.LastText);
        Assert.Contains(ConversationDriver.Center.Phone, chat.LastText);
    }

    [Fact]
    public void A_story_before_consent_still_starts_the_intake_with_the_consent_notice()
    {
        var chat = new ConversationDriver(answerer: new TermAnswerer());

        chat.Send("息子が逮捕されました。障がいがあって心配です");

        Assert.Equal(IntakeStep.Consent, chat.Step);
        Assert.Contains("同意していただけますか", chat.LastText);
    }
}
