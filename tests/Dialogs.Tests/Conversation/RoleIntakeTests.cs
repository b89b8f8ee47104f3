using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class RoleIntakeTests
{
    public static TheoryData<string, string[]> AllScripts => new()
    {
        { nameof(IntakeScripts.SelfWithButtons), IntakeScripts.SelfWithButtons },
        { nameof(IntakeScripts.SelfInFreeText), IntakeScripts.SelfInFreeText },
        { nameof(IntakeScripts.FamilyWithButtons), IntakeScripts.FamilyWithButtons },
        { nameof(IntakeScripts.FamilyInFreeText), IntakeScripts.FamilyInFreeText },
        { nameof(IntakeScripts.LawyerWithButtons), IntakeScripts.LawyerWithButtons },
        { nameof(IntakeScripts.LawyerInFreeText), IntakeScripts.LawyerInFreeText },
        { nameof(IntakeScripts.SupporterWithButtons), IntakeScripts.SupporterWithButtons },
        { nameof(IntakeScripts.SupporterInFreeText), IntakeScripts.SupporterInFreeText },
    };

    [Theory]
    [MemberData(nameof(AllScripts))]
    public void Every_role_reaches_the_review_and_sending_creates_one_intake_ticket(string script, string[] turns)
    {
        var chat = new ConversationDriver();
        foreach (var text in turns)
        {
            var before = chat.Step;
            var wasCollecting = chat.State.CollectingMore;
            chat.Send(text);
            Assert.True(chat.Step != before || chat.Step == IntakeStep.Review || chat.State.CollectingMore || wasCollecting,
                $"{script}: 「{text}」 was not accepted at {before}: {chat.LastText}");
        }

        Assert.Equal(IntakeStep.Review, chat.Step);
        Assert.DoesNotContain(chat.Last.Replies[^1].Review!, item => item.Value == "（未回答）");

        chat.Send("送信する");

        Assert.Equal(IntakeStep.Done, chat.Step);
        var ticket = Assert.Single(chat.Tickets);
        Assert.Equal(TicketKind.Intake, ticket.Kind);
        Assert.NotEmpty(ticket.Triage.Reasons);
        Assert.Contains(TurnResult.ReferenceNumberPlaceholder, chat.LastText);
    }

    [Theory]
    [MemberData(nameof(AllScripts))]
    public void Saving_and_restoring_state_between_every_turn_changes_nothing(string script, string[] turns)
    {
        var inMemory = new ConversationDriver(roundTripState: false).SendAll(turns);
        var restored = new ConversationDriver(roundTripState: true).SendAll(turns);

        Assert.Equal(IntakeStateSerializer.Serialize(inMemory.State), IntakeStateSerializer.Serialize(restored.State));
        Assert.Equal(
            inMemory.Turns.SelectMany(t => t.Replies).Select(r => r.Text),
            restored.Turns.SelectMany(t => t.Replies).Select(r => r.Text));
        Assert.True(restored.Turns.Count > 10, script);
    }

    [Theory]
    [MemberData(nameof(AllScripts))]
    public void Every_question_offers_buttons(string script, string[] turns)
    {
        var chat = new ConversationDriver();
        foreach (var text in turns)
        {
            chat.Send(text);
            Assert.True(chat.Buttons.Count > 0, $"{script}: no button at {chat.Step}");
        }
    }

    [Fact]
    public void The_subject_gets_the_shortest_path_in_plain_words()
    {
        var self = new ConversationDriver().SendAll(IntakeScripts.SelfWithButtons);
        var family = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons);

        Assert.True(self.State.History.Count < family.State.History.Count);
        Assert.DoesNotContain(IntakeStep.SubjectAgrees, self.State.History);
        Assert.DoesNotContain(IntakeStep.Guarantor, self.State.History);
        var prompts = self.Turns.SelectMany(t => t.Replies).Select(r => r.Text).ToList();
        Assert.Contains(prompts, p => p.Contains("なんさい"));
    }

    [Fact]
    public void Mother_saying_who_she_is_is_not_asked_the_relation_again()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "母です");

        Assert.Equal(IntakeStep.SubjectAge, chat.Step);
        Assert.Equal(AskerRole.Family, chat.State.Record.Role);
        Assert.Equal(Relation.Parent, chat.State.Record.Relation);
    }

    [Fact]
    public void Lawyer_is_asked_about_the_hearing_custody_office_and_bar_association()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerWithButtons);

        Assert.Contains(IntakeStep.LawyerOffice, chat.State.History);
        Assert.Contains(IntakeStep.BarAssociation, chat.State.History);
        Assert.Contains(IntakeStep.Custody, chat.State.History);
        Assert.Contains(IntakeStep.HearingDate, chat.State.History);
        var record = chat.State.Record;
        Assert.Equal(Custody.Detained, record.Custody);
        Assert.Equal(new DateOnly(2026, 11, 30), record.HearingDate);
    }

    [Fact]
    public void Lawyer_with_hearing_in_5_days_is_high_priority_and_told_how_suspect_support_starts()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerWithButtons).SendAll("送信する");

        var ticket = Assert.Single(chat.Tickets);
        Assert.Equal(Duty.SuspectSupport, ticket.Triage.Duty);
        Assert.Equal(Priority.High, ticket.Triage.Priority);
        Assert.Contains("保護観察所", chat.LastText);
    }

    [Fact]
    public void Free_text_intake_stores_what_was_said()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyInFreeText);

        var record = chat.State.Record;
        Assert.Equal(72, record.SubjectAge);
        Assert.Equal([Disability.SuspectedDementia], record.Disabilities);
        Assert.Equal(Stage.InFacility, record.Stage);
        Assert.Equal(new DateOnly(2026, 12, 10), record.ReleaseDate);
        Assert.Equal("神奈川県", record.ReturnPrefecture);
        Assert.Equal("横浜市", record.ReturnCity);
        Assert.Equal(Answer.No, record.HasHousing);
        Assert.Contains(Need.Housing, record.Needs);
        Assert.Contains(Need.ElderlyCare, record.Needs);
        Assert.Equal(Answer.Yes, record.SubjectAgrees);
        Assert.Equal("hanako@example.jp", record.Email);
    }

    [Fact]
    public void Lawyers_client_returning_to_another_prefecture_is_flagged()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.LawyerInFreeText).SendAll("送信する");

        var ticket = Assert.Single(chat.Tickets);
        Assert.Contains(TriageFlag.OtherPrefecture, ticket.Triage.Flags);
        Assert.Equal(68, ticket.Record.SubjectAge);
        Assert.Equal(new DateOnly(1958, 5, 1), ticket.Record.SubjectBirthDate);
    }

    [Fact]
    public void Receiving_provider_follow_up_is_duty_2()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.SupporterWithButtons).SendAll("送信する");

        Assert.Equal(Duty.FollowUp, Assert.Single(chat.Tickets).Triage.Duty);
    }

    [Fact]
    public void Supporter_with_a_general_question_skips_the_questions_about_a_person()
    {
        var chat = new ConversationDriver().SendAll(
            "相談を始める", "同意する", "支援者・関係機関です", "みなと事業所", "福祉事業所", "制度や加算についての質問",
            "加算の届出に必要な書類を知りたい", "佐藤", "045-111-2222", "いつでもよい");

        Assert.Equal(IntakeStep.Review, chat.Step);
        Assert.DoesNotContain(IntakeStep.SubjectAge, chat.State.History);
    }

    [Fact]
    public void The_reference_number_reaches_the_reply_the_saved_transcript_and_the_ticket()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.SelfWithButtons).SendAll("送信する");

        var filled = chat.Last.WithReferenceNumber("KN-2026-000042");

        Assert.Contains("KN-2026-000042", filled.Replies[0].Text);
        Assert.Contains(filled.State.Transcript, t => t.Text.Contains("KN-2026-000042"));
        Assert.DoesNotContain(filled.State.Transcript, t => t.Text.Contains(TurnResult.ReferenceNumberPlaceholder));
        var ticket = Assert.Single(filled.SideEffects.OfType<CreateTicket>());
        Assert.Contains(ticket.Transcript, t => t.Text.Contains("KN-2026-000042"));
    }

    [Fact]
    public void A_ticket_is_requested_once_even_if_send_is_pressed_again()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.SelfWithButtons).SendAll("送信する", "送信する", "はい");

        Assert.Single(chat.Tickets);
    }
}
