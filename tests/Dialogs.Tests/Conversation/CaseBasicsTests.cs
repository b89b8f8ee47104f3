using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>Issue 21 part 7: the subject's name with ふりがな, where they are now, and for lawyers the court and 事件番号, typed as people write.</summary>
public sealed class CaseBasicsTests
{
    /// <summary>A family intake up to the subject's name.</summary>
    private static ConversationDriver AtSubjectName()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyInFreeText.TakeWhile(a => a != "息子の名前は山田一郎です").ToArray());
        Assert.Equal(IntakeStep.SubjectName, chat.Step);
        return chat;
    }

    [Theory]
    [InlineData("山田太郎です", "山田太郎", null)]
    [InlineData("息子の名前は山田一郎と申します", "山田一郎", null)]
    [InlineData("山田 太郎（やまだ たろう）です", "山田 太郎", "やまだ たろう")]
    [InlineData("山田太郎 ヤマダタロウ", "山田太郎", "やまだたろう")]
    [InlineData("やまだ たろう", "やまだ たろう", "やまだ たろう")]
    [InlineData("山田太郎と聞いています", "山田太郎", null)]
    public void The_subject_name_is_stored_without_the_polite_frame_and_with_a_reading_given_with_it(string typed, string name, string? kana)
    {
        var chat = AtSubjectName();

        chat.Send(typed);

        Assert.Equal(name, chat.State.Record.SubjectName);
        Assert.Equal(kana, chat.State.Record.SubjectNameKana);
        Assert.Equal(kana is null ? IntakeStep.SubjectNameKana : IntakeStep.Whereabouts, chat.Step);
    }

    [Theory]
    [InlineData("答えない")]
    [InlineData("言いたくない")]
    [InlineData("わからない")]
    public void The_subject_name_can_be_passed_and_the_reading_is_then_not_asked(string typed)
    {
        var chat = AtSubjectName();

        chat.Send(typed);

        Assert.Null(chat.State.Record.SubjectName);
        Assert.Equal(IntakeStep.Whereabouts, chat.Step);
    }

    [Theory]
    [InlineData("やまだいちろう", "やまだいちろう")]
    [InlineData("ヤマダ イチロウです", "やまだ いちろう")]
    public void The_reading_is_kept_in_hiragana(string typed, string kana)
    {
        var chat = AtSubjectName().SendAll("山田一郎");

        chat.Send(typed);

        Assert.Equal(kana, chat.State.Record.SubjectNameKana);
    }

    [Fact]
    public void A_reading_in_kanji_is_asked_again()
    {
        var chat = AtSubjectName().SendAll("山田一郎");

        chat.Send("山田一郎");

        Assert.Equal(IntakeStep.SubjectNameKana, chat.Step);
        Assert.Contains("ひらがな", chat.LastText);
    }

    [Theory]
    [InlineData("横浜拘置支所にいます", PlaceKind.DetentionHouse, "横浜拘置支所")]
    [InlineData("いまは横浜刑務所にいると聞いています", PlaceKind.Prison, "横浜刑務所")]
    [InlineData("警察署", PlaceKind.PoliceStation, null)]
    [InlineData("けいさつ", PlaceKind.PoliceStation, null)]
    [InlineData("みなと病院に入院しています", PlaceKind.Hospital, "みなと病院")]
    [InlineData("更生保護施設 みなと寮です", PlaceKind.Facility, "更生保護施設 みなと寮")]
    [InlineData("家がない", PlaceKind.Other, "家がない")]
    [InlineData("少年院", PlaceKind.JuvenileFacility, null)]
    public void Where_the_person_is_now_is_stored_as_a_kind_and_a_name(string typed, PlaceKind kind, string? name)
    {
        var chat = AtSubjectName().SendAll("答えない");

        chat.Send(typed);

        Assert.Equal(kind, chat.State.Record.WhereaboutsKind);
        Assert.Equal(name, chat.State.Record.WhereaboutsName);
        Assert.Equal(IntakeStep.AskerName, chat.Step);
    }

    [Fact]
    public void A_lawyer_gives_court_and_case_number_typed_and_they_reach_the_ticket()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerInFreeText).SendAll("送信する");

        var record = Assert.Single(chat.Tickets).Record;
        Assert.Equal("横浜地裁川崎支部", record.Court);
        Assert.Equal("令和8年(わ)第123号", record.CaseNumber);
        Assert.Equal("田中三郎", record.SubjectName);
        Assert.Null(record.SubjectNameKana);
        Assert.Equal(PlaceKind.DetentionHouse, record.WhereaboutsKind);
        Assert.Equal("横浜拘置支所", record.WhereaboutsName);
    }

    [Fact]
    public void A_case_number_without_a_number_is_asked_again()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerInFreeText.TakeWhile(a => a != "令和８年（わ）第１２３号").ToArray());
        Assert.Equal(IntakeStep.CaseNumber, chat.Step);

        chat.Send("覚醒剤の事件");

        Assert.Equal(IntakeStep.CaseNumber, chat.Step);
        Assert.Null(chat.State.Record.CaseNumber);
    }

    [Fact]
    public void The_subject_is_not_asked_their_name_twice_but_the_reading_of_their_own()
    {
        var chat = new ConversationDriver();
        var asked = new List<IntakeStep>();
        foreach (var answer in IntakeScripts.SelfInFreeText)
        {
            asked.Add(chat.Step);
            chat.Send(answer);
        }

        Assert.DoesNotContain(IntakeStep.SubjectName, asked);
        Assert.DoesNotContain(IntakeStep.Whereabouts, asked);
        Assert.Contains(IntakeStep.SubjectNameKana, asked);
        Assert.Equal("やまだたろう", chat.State.Record.SubjectNameKana);
        Assert.Equal(IntakeStep.Review, chat.Step);
    }

    [Fact]
    public void The_review_shows_the_new_answers()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyInFreeText);

        var review = chat.Last.Replies[^1].Review!;
        Assert.Contains(review, i => i.Step == IntakeStep.SubjectName && i.Value == "山田一郎");
        Assert.Contains(review, i => i.Step == IntakeStep.SubjectNameKana && i.Value == "やまだいちろう");
        Assert.Contains(review, i => i.Step == IntakeStep.Whereabouts && i.Value == "刑務所（横浜刑務所）");
    }

    [Fact]
    public void A_state_saved_before_these_questions_still_reads_and_finishes()
    {
        // Saved by the release before issue 21: no case contact, no new record fields.
        const string saved = """
            {"step":"Contact","record":{"role":"Family","relation":"Parent","subjectAge":72,"disabilities":["SuspectedDementia"],"handbooks":["None"],
            "stage":"InFacility","releaseDate":"2026-12-10","returnPrefecture":"神奈川県","returnCity":"横浜市","hasHousing":"No","hasGuarantor":"No",
            "needs":["Housing"],"subjectAgrees":"Yes","details":"帰る家がない","askerName":"山田花子"},
            "history":["AskerRole","Relation","SubjectAge","Disabilities","Handbooks","Stage","ReleaseDate","ReturnArea","Housing","Guarantor","Needs","SubjectAgrees","Details","AskerName"],
            "answered":["AskerRole","Relation","SubjectAge","Disabilities","Handbooks","Stage","ReleaseDate","ReturnArea","Housing","Guarantor","Needs","SubjectAgrees","Details","AskerName"],
            "consented":true,"ticketsRequested":[],"intakeNumber":1,"transcript":[]}
            """;
        var state = IntakeStateSerializer.Deserialize(saved);
        var conversation = new IntakeConversation(ConversationDriver.Center);

        var result = conversation.Handle(state, UserInput.Message("電話はありません"), ConversationDriver.Now);
        result = conversation.Handle(result.State, UserInput.Message("送信する"), ConversationDriver.Now);

        Assert.Equal(IntakeStep.Done, result.State.Step);
        Assert.Equal(ContactWay.None, Assert.IsType<CreateTicket>(Assert.Single(result.SideEffects)).Record.ContactWay);
    }
}
