using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// Whole intakes typed as people write, with no button text at all: each role, and a 本人 who
/// writes only hiragana. Every one reaches the review and ends with a ticket.
/// </summary>
public sealed class TypedIntakeTests
{
    private static readonly Dictionary<IntakeStep, string> Self = new()
    {
        [IntakeStep.AskerRole] = "じぶんの ことです",
        [IntakeStep.SubjectAge] = "45さい",
        [IntakeStep.Disabilities] = "ちてき",
        [IntakeStep.Handbooks] = "りょういく てちょう もってる",
        [IntakeStep.Stage] = "せんげつ けいむしょを でました",
        [IntakeStep.LeftFacilityDate] = "せんげつ とおか",
        [IntakeStep.ReturnArea] = "よこはま",
        [IntakeStep.Housing] = "ともだちの いえに いる",
        [IntakeStep.Guarantor] = "いない",
        [IntakeStep.Probation] = "ほごかんさつは もう おわった",
        [IntakeStep.Needs] = "すむところと しごと",
        [IntakeStep.SubjectAgrees] = "はい",
        [IntakeStep.Details] = "いえを さがしたい",
        [IntakeStep.AskerName] = "やまだ たろう です",
        [IntakeStep.Contact] = "09012345678",
        [IntakeStep.ContactTime] = "ごごなら いつでも",
    };

    private static readonly Dictionary<IntakeStep, string> Family = new()
    {
        [IntakeStep.AskerRole] = "母です",
        [IntakeStep.Relation] = "ははです",
        [IntakeStep.SubjectAge] = "七十二歳",
        [IntakeStep.Disabilities] = "もの忘れがひどい",
        [IntakeStep.Handbooks] = "持っていません",
        [IntakeStep.Stage] = "刑務所にいます",
        [IntakeStep.ReleaseDate] = "来月10日",
        [IntakeStep.ReturnArea] = "横浜",
        [IntakeStep.Housing] = "帰る家はありません",
        [IntakeStep.Guarantor] = "私が引き受けます",
        [IntakeStep.Probation] = "よく知りません",
        [IntakeStep.Needs] = "住むところと介護",
        [IntakeStep.SubjectAgrees] = "まだ話せていません",
        [IntakeStep.Details] = "来月出所するが帰る家がなくて困っています",
        [IntakeStep.SubjectName] = "息子の名前は山田一郎です",
        [IntakeStep.SubjectNameKana] = "ヤマダイチロウ",
        [IntakeStep.Whereabouts] = "横浜刑務所にいます",
        [IntakeStep.AskerName] = "山田花子と申します",
        [IntakeStep.Contact] = "０９０－１１１１－２２２２",
        [IntakeStep.ContactTime] = "夕方の6時以降",
    };

    private static readonly Dictionary<IntakeStep, string> Lawyer = new()
    {
        [IntakeStep.AskerRole] = "弁護人です",
        [IntakeStep.LawyerOffice] = "みなと法律事務所です",
        [IntakeStep.BarAssociation] = "横浜弁護士会です",
        [IntakeStep.SubjectAge] = "68さい",
        [IntakeStep.Disabilities] = "知的障害の疑い",
        [IntakeStep.Handbooks] = "療育手帳あり",
        [IntakeStep.Stage] = "起訴されて公判中です",
        [IntakeStep.Custody] = "勾留されています",
        [IntakeStep.HearingDate] = "12月3日",
        [IntakeStep.ReleaseDate] = "まだわかりません",
        [IntakeStep.ReturnArea] = "よこはまし",
        [IntakeStep.Housing] = "知らないです",
        [IntakeStep.Guarantor] = "探しています",
        [IntakeStep.Probation] = "ついていない",
        [IntakeStep.Needs] = "住まいと福祉サービス",
        [IntakeStep.SubjectAgrees] = "本人も同意しています",
        [IntakeStep.Details] = "次回公判までに受け入れ先を調整したい",
        [IntakeStep.Court] = "横浜地裁川崎支部です",
        [IntakeStep.CaseNumber] = "令和８年（わ）第１２３号",
        [IntakeStep.SubjectName] = "田中三郎と聞いています",
        [IntakeStep.SubjectNameKana] = "たなか さぶろう",
        [IntakeStep.Whereabouts] = "横浜拘置支所にいます",
        [IntakeStep.AskerName] = "鈴木一郎です",
        [IntakeStep.Contact] = "03-1234-5678",
        [IntakeStep.ContactTime] = "平日の午前中",
    };

    private static readonly Dictionary<IntakeStep, string> Supporter = new()
    {
        [IntakeStep.AskerRole] = "保護観察所の者です",
        [IntakeStep.OrganizationName] = "横浜保護観察所です",
        [IntakeStep.SupporterKind] = "保護観察所です",
        [IntakeStep.SupporterPurpose] = "新規の依頼です",
        [IntakeStep.SubjectAge] = "66歳",
        [IntakeStep.Disabilities] = "精神と知的",
        [IntakeStep.Handbooks] = "精神の手帳",
        [IntakeStep.Stage] = "医療観察法の通院です",
        [IntakeStep.OutpatientDecisionDate] = "令和7年4月1日",
        [IntakeStep.ReturnArea] = "かわさき",
        [IntakeStep.Housing] = "ネットカフェにいます",
        [IntakeStep.Guarantor] = "いません",
        [IntakeStep.Needs] = "年金と生活保護",
        [IntakeStep.SubjectAgrees] = "同意を得ています",
        [IntakeStep.Details] = "生活保護の申請を手伝ってほしい",
        [IntakeStep.SubjectName] = "高橋五郎さん",
        [IntakeStep.SubjectNameKana] = "たかはし ごろう",
        [IntakeStep.Whereabouts] = "ネットカフェにいるそうです",
        [IntakeStep.AskerName] = "佐藤次郎です",
        [IntakeStep.Contact] = "045-987-6543",
        [IntakeStep.ContactTime] = "9時から17時",
    };

    public static TheoryData<string> Roles => ["Self", "Family", "Lawyer", "Supporter"];

    private static Dictionary<IntakeStep, string> AnswersOf(string role) => role switch
    {
        "Self" => Self,
        "Family" => Family,
        "Lawyer" => Lawyer,
        _ => Supporter,
    };

    /// <summary>Types the answer for whatever is asked, until the review; never a button's text.</summary>
    private static ConversationDriver Type(Dictionary<IntakeStep, string> answers, string start, string consent, string nothingMore)
    {
        var chat = new ConversationDriver();
        chat.SendAll(start, consent);
        var sent = new HashSet<string>();
        for (var turn = 0; turn < 60 && chat.Step != IntakeStep.Review; turn++)
        {
            var text = chat.State.CollectingMore ? nothingMore
                : answers.TryGetValue(chat.Step, out var answer) ? answer
                : throw new Xunit.Sdk.XunitException($"No typed answer for {chat.Step}: {chat.LastText}");
            Assert.DoesNotContain(text, chat.Buttons);
            Assert.True(chat.State.CollectingMore || sent.Add($"{chat.Step}"), $"{chat.Step} asked again after 「{text}」: {chat.LastText}");
            chat.Send(text);
        }

        Assert.Equal(IntakeStep.Review, chat.Step);
        return chat;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Every_role_typing_every_answer_finishes_with_a_ticket(string role)
    {
        var chat = Type(AnswersOf(role), "相談したいです", "はい、同意します", "ほかにはない");

        chat.Send("それでいい");

        Assert.Equal(IntakeStep.Done, chat.Step);
        Assert.Equal(TicketKind.Intake, Assert.Single(chat.Tickets).Kind);
        Assert.Contains(TurnResult.ReferenceNumberPlaceholder, chat.LastText);
    }

    [Fact]
    public void A_person_writing_only_hiragana_finishes_and_what_they_wrote_is_stored()
    {
        var chat = Type(Self, "そうだんしたい", "はい", "ない");
        var record = chat.State.Record;

        chat.Send("はい");

        Assert.Equal(IntakeStep.Done, chat.Step);
        Assert.Single(chat.Tickets);
        Assert.Equal(AskerRole.Self, record.Role);
        Assert.Equal(Stage.Released, record.Stage);
        Assert.Equal(new DateOnly(2026, 10, 10), record.LeftFacilityDate);
        Assert.Equal(("神奈川県", "横浜市"), (record.ReturnPrefecture, record.ReturnCity));
        Assert.Equal(Answer.No, record.HasHousing);
        Assert.True(record.HousingUnstable);
        Assert.Equal(Answer.No, record.OnProbation);
        Assert.Equal([Need.Housing, Need.DaytimeActivity], record.Needs);
        Assert.Equal("やまだ たろう", record.AskerName);
    }

    [Fact]
    public void What_the_family_typed_is_stored_by_its_meaning()
    {
        var chat = Type(Family, "相談したいです", "同意します", "ほかにはない");
        var record = chat.State.Record;

        Assert.Equal(Answer.No, record.HasHousing);
        Assert.False(record.HousingUnstable);
        Assert.Equal(Answer.Yes, record.HasGuarantor);
        Assert.Equal(Answer.Unknown, record.SubjectAgrees);
        Assert.Equal("山田花子", record.AskerName);
        Assert.Equal(("神奈川県", "横浜市"), (record.ReturnPrefecture, record.ReturnCity));
        Assert.Equal(("山田一郎", "やまだいちろう"), (record.SubjectName, record.SubjectNameKana));
        Assert.Equal((PlaceKind.Prison, "横浜刑務所"), (record.WhereaboutsKind, record.WhereaboutsName));
    }

    [Fact]
    public void What_the_lawyer_and_the_supporter_typed_is_stored_by_its_meaning()
    {
        var lawyer = Type(Lawyer, "相談したいです", "はい", "以上です").State.Record;
        var supporter = Type(Supporter, "相談したいです", "OK", "それだけです").State.Record;

        Assert.Equal(("みなと法律事務所", "横浜弁護士会"), (lawyer.LawyerOffice, lawyer.BarAssociation));
        Assert.Equal(Answer.No, lawyer.HasGuarantor);
        Assert.Equal(("横浜地裁川崎支部", "令和8年(わ)第123号"), (lawyer.Court, lawyer.CaseNumber));
        Assert.Equal(("田中三郎", "たなか さぶろう"), (lawyer.SubjectName, lawyer.SubjectNameKana));
        Assert.Equal((PlaceKind.DetentionHouse, "横浜拘置支所"), (lawyer.WhereaboutsKind, lawyer.WhereaboutsName));
        Assert.Equal("横浜保護観察所", supporter.OrganizationName);
        Assert.Equal([Disability.Mental, Disability.Intellectual], supporter.Disabilities);
        Assert.True(supporter.HousingUnstable);
        Assert.Equal((PlaceKind.Other, "ネットカフェ"), (supporter.WhereaboutsKind, supporter.WhereaboutsName));
    }

    [Fact]
    public void Hearsay_keeps_the_fact_and_the_review_says_it_was_heard()
    {
        var answers = new Dictionary<IntakeStep, string>(Family)
        {
            [IntakeStep.Guarantor] = "兄がなってくれると聞いています",
            [IntakeStep.Housing] = "住むところはないと聞いています",
        };

        var chat = Type(answers, "相談したいです", "はい", "ほかにはない");

        Assert.Equal(Answer.Yes, chat.State.Record.HasGuarantor);
        Assert.Equal(Answer.No, chat.State.Record.HasHousing);
        var review = chat.Last.Replies[^1].Review!;
        Assert.Contains(review, i => i.Step == IntakeStep.Guarantor && i.Value == "いる（聞いた話）");
        Assert.Contains(review, i => i.Step == IntakeStep.Housing && i.Value == "ない（聞いた話）");
    }

    [Theory]
    [InlineData("息子のことで相談です", Relation.Parent)]
    [InlineData("母です", Relation.Parent)]
    [InlineData("母のことです", Relation.Child)]
    [InlineData("夫のことで", Relation.Spouse)]
    public void Who_the_family_member_names_decides_the_relation_from_the_writers_side(string text, Relation relation)
    {
        var chat = new ConversationDriver().SendAll("相談したいです", "はい");

        chat.Send(text);

        Assert.Equal(AskerRole.Family, chat.State.Record.Role);
        Assert.Equal(relation, chat.State.Record.Relation);
        Assert.Equal(IntakeStep.SubjectAge, chat.Step);
    }
}
