using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Tests.Understanding;

/// <summary>
/// The cases where a rule reader most easily states something wrong: negation, doubt,
/// conditions, several dates or ages in one message, 和暦, kana-only writing and places that
/// are not where the subject will live. Worded afresh, not copied from the eval set.
/// </summary>
public sealed class StoryReaderHardCaseTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static IntakeRecord Read(string text) => StoryReader.Read(text, Today).Record;

    [Fact]
    public void A_denied_arrest_gives_no_stage()
    {
        Assert.Null(Read("警察で事情を聞かれましたが、逮捕はされていません。").Stage);
    }

    [Theory]
    [InlineData("弟には住む家がありません。")]
    [InlineData("出所しても帰るところがありません。")]
    public void A_negated_home_is_no_housing_even_though_it_contains_aru(string text)
    {
        Assert.Equal(Answer.No, Read(text).HasHousing);
    }

    [Fact]
    public void Refusing_to_take_someone_in_is_not_a_home()
    {
        Assert.Null(Read("私は兄と別居していて、兄を引き取ることは考えていません。").HasHousing);
    }

    [Fact]
    public void A_temporary_stay_at_the_writers_house_is_not_a_home()
    {
        Assert.Null(Read("息子は今はとりあえず私の家にいます。").HasHousing);
    }

    [Theory]
    [InlineData("父の出所は12月10日頃です。")]
    [InlineData("父の出所は12月10日の見込みです。")]
    [InlineData("たぶん父は12月10日に出所します。")]
    public void An_approximate_or_hedged_date_is_left_out(string text)
    {
        Assert.Null(Read(text).ReleaseDate);
    }

    [Fact]
    public void A_conditional_outcome_states_neither_stage_nor_release_date()
    {
        var r = Read("夫は起訴されて拘置所にいます。無罪になった場合は12月12日に釈放されます。");

        Assert.Equal(Stage.OnTrial, r.Stage);
        Assert.Equal(Custody.Detained, r.Custody);
        Assert.Null(r.ReleaseDate);
    }

    [Fact]
    public void The_end_of_pre_trial_detention_is_not_a_release()
    {
        var r = Read("弁護人です。被疑者は逮捕されて勾留中で、勾留満期は12月6日です。");

        Assert.Equal(Stage.Arrested, r.Stage);
        Assert.Null(r.ReleaseDate);
    }

    [Fact]
    public void With_a_hearing_and_a_verdict_the_next_hearing_is_the_earlier_one()
    {
        var r = Read("12月8日に公判があり、判決は12月22日の予定です。");

        Assert.Equal(new DateOnly(2026, 12, 8), r.HearingDate);
    }

    [Fact]
    public void A_recent_past_date_is_not_moved_to_next_year_to_fit_a_meaning()
    {
        var r = Read("弁護士です。対象者は11月10日に裁判所で通院の決定を受けました。医療観察法の通院処遇中です。");

        Assert.Equal(new DateOnly(2026, 11, 10), r.OutpatientDecisionDate);
        Assert.Null(r.HearingDate);
    }

    [Fact]
    public void A_discharge_decision_leaves_the_person_an_inpatient_until_discharge()
    {
        var r = Read("医療観察法で指定入院医療機関に入院中の方です。11月20日に退院許可決定が出ました。12月10日に退院予定です。");

        Assert.Equal(Stage.MtaInpatient, r.Stage);
        Assert.Equal(new DateOnly(2026, 11, 20), r.OutpatientDecisionDate);
        Assert.Equal(new DateOnly(2026, 12, 10), r.ReleaseDate);
    }

    [Fact]
    public void The_age_of_the_relative_the_story_is_about_wins_over_other_relatives()
    {
        Assert.Equal(41, Read("妹のことです。妹は41歳、母は70歳です。妹は来月出所します。").SubjectAge);
    }

    [Fact]
    public void Ages_in_brackets_belong_to_the_person_before_them()
    {
        var r = Read("妻（81）が万引きで逮捕されました。私（83）も足が悪いです。");

        Assert.Equal(81, r.SubjectAge);
        Assert.Equal(Relation.Spouse, r.Relation);
    }

    [Fact]
    public void An_age_with_no_one_named_belongs_to_the_current_topic()
    {
        Assert.Equal(82, Read("父が逮捕されました。もう82歳です。私も仕事があって動けません。").SubjectAge);
    }

    [Fact]
    public void A_writer_telling_their_own_story_does_not_take_a_relatives_age()
    {
        var r = Read("娘と暮らしています。私は先週、刑務所を出ました。70歳です。娘は40歳です。");

        Assert.Equal(AskerRole.Self, r.Role);
        Assert.Equal(70, r.SubjectAge);
        Assert.Equal(Answer.Yes, r.HasHousing);
    }

    [Fact]
    public void A_stage_stated_with_no_one_named_is_the_writers_own()
    {
        var r = Read("保釈中です。次の裁判は12月4日です。");

        Assert.Equal(AskerRole.Self, r.Role);
        Assert.Equal(Stage.OnTrial, r.Stage);
        Assert.Equal(Custody.OnBail, r.Custody);
        Assert.Equal(new DateOnly(2026, 12, 4), r.HearingDate);
    }

    [Fact]
    public void Kana_only_writing_gives_relation_stage_and_date()
    {
        var r = Read("ははが　らいげつ５にち　でてきます　すむところ　ない");

        Assert.Equal(Relation.Child, r.Relation);
        Assert.Equal(Stage.InFacility, r.Stage);
        Assert.Equal(new DateOnly(2026, 12, 5), r.ReleaseDate);
        Assert.Equal(Answer.No, r.HasHousing);
    }

    [Fact]
    public void A_hedge_in_unpunctuated_text_scopes_over_its_own_phrase_only()
    {
        var r = Read("夫がたいほされました　こうりゅうちゅうです　てちょうはないです　しょうがいはないとおもいます");

        Assert.Equal(Stage.Arrested, r.Stage);
        Assert.Equal([Handbook.None], r.Handbooks);

        // The labelling rules read 「障害はない（と思う）」 as no disability, hedge or not.
        Assert.Equal([Disability.None], r.Disabilities);
    }

    [Fact]
    public void A_reiwa_date_written_with_dots_is_read()
    {
        Assert.Equal(new DateOnly(2026, 12, 14), Read("息子はR8.12.14に出所予定です。").ReleaseDate);
    }

    [Fact]
    public void Where_the_writer_lives_is_not_the_return_area()
    {
        var r = Read("私は東京に住んでいます。父は来月出所して、大阪府堺市のアパートに戻ります。");

        Assert.Equal("大阪府", r.ReturnPrefecture);
        Assert.Equal("堺市", r.ReturnCity);
    }

    [Fact]
    public void A_prison_named_after_a_city_is_not_the_return_area()
    {
        Assert.Null(Read("兄は今、横浜刑務所に入っています。").ReturnCity);
    }

    [Fact]
    public void A_suspicion_voiced_as_a_question_is_a_sign_not_a_denial()
    {
        Assert.Equal([Disability.SuspectedDementia], Read("母は認知症ではないかと思います。").Disabilities);
    }

    [Fact]
    public void A_state_already_reached_is_not_a_need()
    {
        var r = Read("ケースワーカーです。生活保護を受給中の方（70歳）で、療育手帳を申請中です。");

        Assert.Equal([Handbook.Applying], r.Handbooks);
        Assert.DoesNotContain(Need.IncomeSupport, r.Needs);
        Assert.DoesNotContain(Need.HandbookApplication, r.Needs);
    }

    [Fact]
    public void A_handbook_whose_holding_is_unknown_is_not_recorded()
    {
        Assert.Empty(Read("療育手帳があるかどうかは確認中です。").Handbooks);
    }
}

/// <summary>Messages that mention the stages without stating that they happened to anyone.</summary>
public sealed class StoryReaderUnassertedTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static IntakeRecord Read(string text) => StoryReader.Read(text, Today).Record;

    [Fact]
    public void A_question_about_the_service_states_no_stage_and_no_writer()
    {
        var r = Read("刑務所を出た人でも相談できますか？");

        Assert.Null(r.Stage);
        Assert.Null(r.Role);
    }

    [Fact]
    public void A_tara_conditional_states_no_stage()
    {
        Assert.Null(Read("もし逮捕されたら、どうなるのでしょうか。").Stage);
    }

    [Fact]
    public void A_statement_joined_to_a_question_is_still_read()
    {
        var r = Read("父が来月出所するんですがどうしたらいいですか");

        Assert.Equal(Stage.InFacility, r.Stage);
        Assert.Equal(Relation.Child, r.Relation);
    }

    [Fact]
    public void A_past_prison_term_is_not_the_current_stage()
    {
        Assert.NotEqual(Stage.InFacility, Read("息子は以前刑務所に入っていましたが、今は働いています。").Stage);
    }

    [Fact]
    public void A_diagnosis_not_received_is_no_sign()
    {
        Assert.Empty(Read("娘は知的障害の診断は受けていません。").Disabilities);
    }

    [Fact]
    public void A_friend_named_only_as_a_place_does_not_stop_a_self_story()
    {
        Assert.Equal(AskerRole.Self, Read("保釈中です。今は友達の家にいます。").Role);
    }
}

/// <summary>Disability signs, handbooks and housing that share words with something else.</summary>
public sealed class StoryReaderLookalikeTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static IntakeRecord Read(string text) => StoryReader.Read(text, Today).Record;

    [Fact]
    public void A_handbooks_name_is_not_a_description_of_the_disability()
    {
        var r = Read("妹は精神障害者保健福祉手帳を持っています。");

        Assert.Empty(r.Disabilities);
        Assert.Equal([Handbook.Mental], r.Handbooks);
    }

    [Fact]
    public void A_handbook_held_outranks_another_kind_lacked()
    {
        Assert.Equal([Handbook.Mental], Read("弟は精神の手帳を持っていますが、療育手帳は持っていません。").Handbooks);
    }

    [Fact]
    public void Being_sent_home_by_the_police_is_not_a_housing_statement()
    {
        Assert.Null(Read("父は逮捕されず、警察から家に帰されました。").HasHousing);
    }

    [Fact]
    public void Receiving_welfare_is_a_state_and_wanting_it_is_a_need()
    {
        Assert.DoesNotContain(Need.IncomeSupport, Read("兄は生活保護を受けてアパートで暮らしています。").Needs);
        Assert.Contains(Need.IncomeSupport, Read("兄は生活保護を受けたいと言っています。").Needs);
    }

    [Fact]
    public void A_home_kept_as_it_was_is_housing()
    {
        Assert.Equal(Answer.Yes, Read("自宅（東京都練馬区のマンション）はそのまま維持されています。").HasHousing);
    }
}

/// <summary>Messages typed as one run, without punctuation.</summary>
public sealed class StoryReaderUnpunctuatedTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static IntakeRecord Read(string text) => StoryReader.Read(text, Today).Record;

    [Fact]
    public void A_later_negation_in_the_run_does_not_undo_a_held_handbook()
    {
        var r = Read("弟は療育手帳Ｂをもっています帰るところがないので困っています");

        Assert.Equal([Handbook.Ryoiku], r.Handbooks);
        Assert.Equal(Answer.No, r.HasHousing);
    }

    [Fact]
    public void A_release_with_a_date_between_is_read_as_past()
    {
        var r = Read("主人が仮釈放で１０月３０日に出てきました");

        Assert.Equal(Stage.Released, r.Stage);
        Assert.Equal(new DateOnly(2026, 10, 30), r.LeftFacilityDate);
    }

    [Fact]
    public void A_care_home_worker_introducing_themselves_is_a_supporter()
    {
        Assert.Equal(AskerRole.Supporter, Read("グループホームの世話人です。入居者さんが昨日逮捕されました。").Role);
    }
}

/// <summary>Who the subject is to the writer when kin words are chained.</summary>
public sealed class StoryReaderRelationTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void A_relatives_relative_is_an_other_relative()
    {
        Assert.Equal(Relation.OtherRelative, StoryReader.Read("夫の兄が刑務所にいます。", Today).Record.Relation);
    }

    [Fact]
    public void A_grandchild_writing_about_a_grandmother_is_an_other_relative()
    {
        Assert.Equal(Relation.OtherRelative, StoryReader.Read("祖母が万引きで捕まりました。", Today).Record.Relation);
    }
}

/// <summary>Found after the held-out measurement; see the commit message.</summary>
public sealed class StoryReaderPostHoldoutTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static IntakeRecord Read(string text) => StoryReader.Read(text, Today).Record;

    [Fact]
    public void A_colloquial_double_negative_about_housing_is_read_neither_way()
    {
        Assert.Null(Read("住む家がないわけじゃないんだけど、兄は実家には戻りたくないみたいです。").HasHousing);
    }

    [Fact]
    public void A_handbook_named_as_a_topic_to_discuss_is_not_held()
    {
        Assert.Empty(Read("弟の療育手帳の申請について教えてください。").Handbooks);
    }
}
