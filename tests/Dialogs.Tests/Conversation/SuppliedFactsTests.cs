using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// The extension points a host's language model uses: story facts and knowledge answers supplied
/// with the input. The core still decides the flow, shows supplied facts in the same confirmation
/// and stores nothing before 「はい」.
/// </summary>
public sealed class SuppliedFactsTests
{
    // Long, and the rules read at most one fact from it.
    private const string VagueStory = "ずっと前から気になっていたのですが、うちの人がようやく外の暮らしに戻ってくることになりました。これから先のことが心配でたまりません。";

    private static StoryFacts Supplied(Action<IntakeRecord> fill, params IntakeStep[] steps)
    {
        var facts = new StoryFacts();
        fill(facts.Record);
        facts.Steps.AddRange(steps);
        return facts;
    }

    private static readonly StoryFacts ModelFacts = Supplied(r =>
    {
        r.Role = AskerRole.Family;
        r.Relation = Relation.Spouse;
        r.Stage = Stage.InFacility;
        r.SubjectAge = 68;
    }, IntakeStep.AskerRole, IntakeStep.Relation, IntakeStep.Stage, IntakeStep.SubjectAge);

    [Fact]
    public void The_turn_reports_the_story_it_read_and_how_little_the_rules_found()
    {
        var chat = new ConversationDriver().SendAll(VagueStory);

        var probe = chat.Probe(UserInput.Message("同意する"));

        Assert.NotNull(probe.StoryRead);
        Assert.Equal(VagueStory, probe.StoryRead.Text);
        Assert.True(probe.StoryRead.RuleFacts < 2, $"rules found {probe.StoryRead.RuleFacts}");
        Assert.False(probe.StoryRead.UsedSuppliedFacts);
        Assert.NotEqual(IntakeStep.ConfirmStory, probe.State.Step);
    }

    [Fact]
    public void Supplied_facts_get_the_same_confirmation_and_are_stored_only_after_yes()
    {
        var chat = new ConversationDriver().SendAll(VagueStory);

        chat.Send(UserInput.Message("同意する").WithStory(VagueStory, ModelFacts));

        Assert.Equal(IntakeStep.ConfirmStory, chat.Step);
        Assert.True(chat.Last.StoryRead!.UsedSuppliedFacts);
        var confirmation = Assert.Single(chat.Last.Replies);
        Assert.StartsWith("書いていただいた内容を、次のように理解しました。", confirmation.Text);
        Assert.Contains("配偶者（夫・妻）", confirmation.Text);
        Assert.Contains("68歳", confirmation.Text);
        Assert.Equal(["はい", "直す"], chat.Buttons);
        Assert.Null(chat.State.Record.Relation);

        chat.Send("はい");

        Assert.Equal(Relation.Spouse, chat.State.Record.Relation);
        Assert.Equal(68, chat.State.Record.SubjectAge);
        Assert.Equal(VagueStory, chat.State.Record.Details);
    }

    [Fact]
    public void Rejected_supplied_facts_leave_nothing_behind()
    {
        var chat = new ConversationDriver().SendAll(VagueStory);
        chat.Send(UserInput.Message("同意する").WithStory(VagueStory, ModelFacts));

        chat.Send("直す");

        Assert.Null(chat.State.Record.Relation);
        Assert.Null(chat.State.Record.SubjectAge);
        Assert.Null(chat.State.PendingStory);
    }

    [Fact]
    public void The_rules_win_where_both_state_a_fact()
    {
        const string story = "72歳の父が来月10日に刑務所を出るのですが、帰る家がなくて困っています。療育手帳は持っていません。";
        var chat = new ConversationDriver().SendAll(story);
        var model = Supplied(r =>
        {
            r.SubjectAge = 30;
            r.HasHousing = Answer.Yes;
            r.ReturnPrefecture = "東京都";
        }, IntakeStep.SubjectAge, IntakeStep.Housing, IntakeStep.ReturnArea);

        chat.Send(UserInput.Message("同意する").WithStory(story, model));
        chat.Send("はい");

        Assert.Equal(72, chat.State.Record.SubjectAge);
        Assert.Equal(Answer.No, chat.State.Record.HasHousing);
        Assert.Equal("東京都", chat.State.Record.ReturnPrefecture); // the rules said nothing about it
    }

    [Fact]
    public void Facts_supplied_for_another_text_are_ignored()
    {
        var chat = new ConversationDriver().SendAll(VagueStory);

        chat.Send(UserInput.Message("同意する").WithStory("別の文章", ModelFacts));

        Assert.NotEqual(IntakeStep.ConfirmStory, chat.Step);
        Assert.False(chat.Last.StoryRead!.UsedSuppliedFacts);
    }

    [Fact]
    public void Supplied_facts_for_questions_outside_a_story_or_already_answered_are_ignored()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "家族・親族です", "親（父・母）");
        var model = Supplied(r =>
        {
            r.Relation = Relation.Child;
            r.AskerName = "悪意の名前";
            r.Stage = Stage.Released;
        }, IntakeStep.Relation, IntakeStep.AskerName, IntakeStep.Stage);

        var text = "ずっと前から気になっていたのですが、ようやく外の暮らしに戻ってくることになって、これから先が心配です。";
        chat.Send(UserInput.Message(text).WithStory(text, model));

        Assert.Equal(Relation.Parent, chat.State.Record.Relation);
        Assert.Null(chat.State.Record.AskerName);
        Assert.DoesNotContain("悪意の名前", chat.LastText);
    }

    [Fact]
    public void A_supplied_answer_is_shown_with_every_source_named_by_the_core()
    {
        var chat = new ConversationDriver();
        const string question = "センターは何をしてくれますか？";
        var probe = chat.Probe(UserInput.Message(question));
        var asked = Assert.Single(probe.QuestionsAnswered);
        var answer = new KnowledgeAnswer(
            "センターは福祉サービスの利用を手伝います。",
            new ArticleLink("a", "センターの役割", "seed"),
            [new ArticleLink("b", "相談の流れ", "seed")]);

        chat.Send(UserInput.Message(question).WithAnswer(asked.Question, answer));

        Assert.Contains("センターは福祉サービスの利用を手伝います。\n（出典：センターの役割、相談の流れ）", chat.LastText);
        Assert.Same(answer, Assert.Single(chat.Last.QuestionsAnswered).Answer);
    }
}

public sealed class ConsentNoticeTests
{
    [Fact]
    public void A_center_can_add_a_sentence_to_the_consent_notice_before_its_question()
    {
        var center = new IntakeBot.Dialogs.Center.CenterProfile { ConsentNotice = "入力内容は、個人情報を伏せたうえで言語モデルのサービスに送ります。" };

        var text = Phrases.ConsentFor(center);

        Assert.Contains("ほかの目的には使いません。\n入力内容は、個人情報を伏せたうえで言語モデルのサービスに送ります。\n同意していただけますか？", text);
        Assert.Equal(Phrases.Consent, Phrases.ConsentFor(new IntakeBot.Dialogs.Center.CenterProfile()));
    }
}
