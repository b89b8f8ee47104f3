using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// Issue 21 part 6: after crisis guidance or a handoff request the bot asks one way to reach the
/// person, and never promises a call without one; the case's tickets get what is given.
/// </summary>
public sealed class CaseContactTests
{
    private static readonly string[] Promises = ["連絡します", "知らせました", "折り返し"];

    private static void AssertNoPromise(string said)
    {
        foreach (var promise in Promises)
        {
            Assert.DoesNotContain(promise, said);
        }
    }

    private static string AllSaid(ConversationDriver chat) => string.Join("\n", chat.Turns.SelectMany(t => t.Replies).Select(r => r.Text));

    [Theory]
    [InlineData("死にたい")]
    [InlineData("もう しにたい")]
    public void A_crisis_before_any_contact_gives_the_guidance_first_and_asks_a_way_without_promising_a_call(string words)
    {
        var chat = new ConversationDriver();

        chat.Send(words);

        Assert.StartsWith("あなたの安全がいちばん大切です。", chat.Last.Replies[0].Text);
        Assert.Contains("110番", chat.Last.Replies[0].Text);
        Assert.Contains("0120-000-000", chat.Last.Replies[0].Text);
        AssertNoPromise(chat.LastText);
        Assert.Contains("電話番号かメールアドレス", chat.LastText);
        Assert.Contains("支援者・施設・事業所を通じて", chat.Buttons);
        Assert.Contains("連絡先はない", chat.Buttons);
        Assert.Equal(TicketKind.Crisis, Assert.Single(chat.Tickets).Kind);
    }

    [Theory]
    [InlineData("電話はありません")]
    [InlineData("ない")]
    [InlineData("携帯を持っていない")]
    [InlineData("わからない")]
    public void Without_a_way_the_bot_says_plainly_it_cannot_call_and_gives_the_phone_and_hours(string reply)
    {
        var chat = new ConversationDriver().SendAll("死にたい", reply);

        var added = Assert.IsType<AddContactToCase>(Assert.Single(chat.Last.SideEffects));
        Assert.Equal(ContactWay.None, added.Contact.Way);
        Assert.Equal(1, added.IntakeNumber);
        Assert.Contains("センターから連絡することはできません", chat.LastText);
        Assert.Contains("045-000-0000", chat.LastText);
        Assert.Contains("平日 9時〜17時", chat.LastText);
        AssertNoPromise(AllSaid(chat));
        Assert.False(chat.State.AskingCaseContact);
        Assert.Equal(IntakeStep.Welcome, chat.Step);
    }

    [Fact]
    public void A_second_crisis_after_saying_there_is_no_way_does_not_ask_again_nor_promise()
    {
        var chat = new ConversationDriver().SendAll("死にたい", "ない", "やっぱり死にたい");

        Assert.False(chat.State.AskingCaseContact);
        Assert.Contains("センターから連絡することはできません", chat.LastText);
        AssertNoPromise(AllSaid(chat));
    }

    [Fact]
    public void Two_replies_that_are_no_way_count_as_none_so_nobody_is_stuck()
    {
        var chat = new ConversationDriver().SendAll("死にたい", "うーん", "どうしよう");

        Assert.Equal(ContactWay.None, Assert.Single(chat.Effects.OfType<AddContactToCase>()).Contact.Way);
        Assert.False(chat.State.AskingCaseContact);
    }

    [Fact]
    public void A_phone_given_after_a_crisis_before_consent_reaches_the_case_and_the_intake_does_not_ask_it_again_and_is_urgent()
    {
        var chat = new ConversationDriver().SendAll("死にたい", "０９０ １２３４ ５６７８です");

        var added = Assert.Single(chat.Effects.OfType<AddContactToCase>());
        Assert.Equal(new CaseContact(ContactWay.Phone, Phone: "090-1234-5678"), added.Contact);
        Assert.Contains("相談員から連絡します", chat.LastText);

        var intake = IntakeScripts.FamilyInFreeText.TakeWhile(a => a != "hanako@example.jp").Concat(["夕方以降", "送信する"]).ToArray();
        var asked = new List<IntakeStep>();
        foreach (var answer in intake)
        {
            asked.Add(chat.Step);
            chat.Send(answer);
        }

        Assert.DoesNotContain(IntakeStep.Contact, asked);
        Assert.Equal(IntakeStep.Done, chat.Step);
        var ticket = Assert.Single(chat.Tickets, t => t.Kind == TicketKind.Intake);
        Assert.Equal("090-1234-5678", ticket.Record.Phone);
        Assert.Equal(Priority.Urgent, ticket.Triage.Priority);
        Assert.Contains(TriageFlag.Crisis, ticket.Triage.Flags);
        Assert.Contains(ticket.Triage.Reasons, r => r.Contains("命や安全", StringComparison.Ordinal));
        Assert.Equal(chat.Tickets[0].IntakeNumber, ticket.IntakeNumber);
    }

    [Fact]
    public void An_intake_without_a_crisis_is_not_raised()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyInFreeText).SendAll("送信する");

        var ticket = Assert.Single(chat.Tickets);
        Assert.DoesNotContain(TriageFlag.Crisis, ticket.Triage.Flags);
        Assert.NotEqual(Priority.Urgent, ticket.Triage.Priority);
    }

    [Fact]
    public void Handoff_at_the_second_question_asks_a_way_then_the_mail_given_reaches_the_case_and_the_flow_resumes()
    {
        var chat = new ConversationDriver().SendAll("相談したい", "同意します", "家族です");
        Assert.Equal(IntakeStep.Relation, chat.Step);

        chat.Send("人と話したい");

        Assert.Equal(TicketKind.Handoff, Assert.Single(chat.Tickets).Kind);
        AssertNoPromise(chat.LastText);
        Assert.Contains("045-000-0000", chat.LastText);
        Assert.True(chat.State.AskingCaseContact);

        chat.Send("メールなら hanako@example.jp です");

        var added = Assert.IsType<AddContactToCase>(Assert.Single(chat.Last.SideEffects));
        Assert.Equal("hanako@example.jp", added.Contact.Email);
        Assert.Contains("相談員から連絡します", chat.LastText);
        Assert.Equal(IntakeStep.Relation, chat.Step);
        Assert.Equal("hanako@example.jp", chat.State.Record.Email);
        Assert.Contains(IntakeStep.Contact, chat.State.Answered);
    }

    [Fact]
    public void Handoff_with_a_phone_already_given_promises_the_call_at_once()
    {
        var chat = new ConversationDriver().SendAll(IntakeScripts.FamilyWithButtons.Answers(20));
        Assert.Equal(IntakeStep.ContactTime, chat.Step);

        chat.Send("人と話したい");

        Assert.Contains("相談員から連絡します", chat.LastText);
        Assert.False(chat.State.AskingCaseContact);
    }

    [Fact]
    public void A_person_with_no_phone_finishes_the_intake_with_a_reference_number_and_no_promise()
    {
        var script = IntakeScripts.FamilyInFreeText.TakeWhile(a => a != "hanako@example.jp").Concat(["携帯を持っていないです", "送信する"]).ToArray();

        var chat = new ConversationDriver().SendAll(script);

        Assert.Equal(IntakeStep.Done, chat.Step);
        Assert.Contains(TurnResult.ReferenceNumberPlaceholder, chat.LastText);
        Assert.Contains("センターから連絡することはできません", chat.LastText);
        Assert.DoesNotContain("ご連絡します", chat.LastText);
        var ticket = Assert.Single(chat.Tickets);
        Assert.Equal(ContactWay.None, ticket.Record.ContactWay);
        Assert.Null(ticket.Record.Phone);
        Assert.Null(ticket.Record.ContactTime);
    }

    [Fact]
    public void Through_a_supporter_asks_who_and_stores_it_and_the_review_shows_it()
    {
        var script = IntakeScripts.FamilyInFreeText.TakeWhile(a => a != "hanako@example.jp")
            .Concat(["電話はないので、支援者・施設・事業所を通じて", "みなと相談支援事業所の田中さんです"]).ToArray();

        var chat = new ConversationDriver().SendAll(script);

        Assert.Equal(IntakeStep.Review, chat.Step);
        Assert.Equal(ContactWay.ThroughSupporter, chat.State.Record.ContactWay);
        Assert.Equal("みなと相談支援事業所の田中", chat.State.Record.ContactVia);
        var review = chat.Last.Replies[^1].Review!;
        Assert.Contains(review, i => i.Step == IntakeStep.ContactVia && i.Value == "みなと相談支援事業所の田中");
    }

    [Fact]
    public void Quitting_forgets_the_way_given_so_a_new_case_asks_again()
    {
        var chat = new ConversationDriver().SendAll("死にたい", "090-1234-5678", "やめる");

        Assert.Null(chat.State.CaseContact);
    }
}
