using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// A person comes back to their case in a new chat with the 受付番号 and 引き継ぎコード. The core
/// asks the host to check the key (the host holds the cases); these tests answer as a host would.
/// </summary>
public sealed class ComingBackToACaseTests
{
    private const string Reference = "KN-2026-000123";
    private const string Code = "7KQ2MX9D";

    private static readonly CoordinatorReply Reply = new("田中", "明日お電話します。", ConversationDriver.Now);

    /// <summary>Sends like the host: a turn that needs a key checked runs again with the answer.</summary>
    private static TurnResult SendAsHost(ConversationDriver chat, string text, Func<CaseKeyCheck, CaseKeyAnswer> host)
    {
        var probe = chat.Probe(UserInput.Message(text));
        return probe.CaseKeyToCheck is { } check
            ? chat.Send(UserInput.Message(text).WithCaseKey(host(check)))
            : chat.Send(text);
    }

    private static CaseKeyAnswer RightKey(CaseKeyCheck check) =>
        check.Refresh || check.Code == Code
            ? new CaseKeyAnswer(Reference, CaseKeyOutcome.Attached, [Reply])
            : new CaseKeyAnswer(Reference, CaseKeyOutcome.Wrong, []);

    [Fact]
    public void The_welcome_offers_coming_back_with_a_reference_number()
    {
        var chat = new ConversationDriver();

        Assert.Contains(Phrases.ComeBackToCase, chat.Buttons);
    }

    [Theory]
    [InlineData("受付番号 KN-2026-000123 とコード 7KQ2-MX9D")]
    [InlineData("kn-2026-123 7kq2mx9d")]
    [InlineData("ＫＮ－２０２６－０００１２３　７ＫＱ２－ＭＸ９Ｄ")]
    public void A_typed_reference_and_code_attach_and_show_the_coordinators_replies(string typed)
    {
        var chat = new ConversationDriver();

        SendAsHost(chat, typed, RightKey);

        Assert.Equal(IntakeStep.Attached, chat.Step);
        Assert.Contains("KN-2026-000123 のご相談につながりました", chat.LastText);
        Assert.Contains("明日お電話します。", chat.LastText);
        Assert.Contains("田中", chat.LastText);
    }

    [Fact]
    public void The_button_asks_for_the_key_and_the_number_alone_asks_for_the_code()
    {
        var chat = new ConversationDriver();

        chat.Send(Phrases.ComeBackToCase);
        Assert.Equal(IntakeStep.Reattach, chat.Step);
        Assert.Contains("受付番号と引き継ぎコードを書いてください", chat.LastText);

        SendAsHost(chat, "KN-2026-000123", RightKey);
        Assert.Contains("引き継ぎコード（8文字", chat.LastText);
        Assert.Equal(Reference, chat.State.CaseLink!.PendingReference);

        SendAsHost(chat, "7kq2 mx9d", RightKey);
        Assert.Equal(IntakeStep.Attached, chat.Step);
    }

    [Fact]
    public void The_code_is_never_kept_in_the_state()
    {
        var chat = new ConversationDriver();

        SendAsHost(chat, "コード 7KQ2-MX9D", RightKey);

        Assert.DoesNotContain(Code, IntakeStateSerializer.Serialize(chat.State));
        Assert.DoesNotContain("7KQ2-MX9D", IntakeStateSerializer.Serialize(chat.State));
    }

    [Fact]
    public void Wrong_keys_are_asked_again_and_after_three_the_phone_is_given()
    {
        var chat = new ConversationDriver();

        SendAsHost(chat, "KN-2026-000123 AAAA-1111", RightKey);
        Assert.Contains("受付番号かコードが違います", chat.LastText);
        Assert.Equal(IntakeStep.Reattach, chat.Step);
        SendAsHost(chat, "KN-2026-000123 AAAA-2222", RightKey);
        SendAsHost(chat, "KN-2026-000123 AAAA-3333", RightKey);

        Assert.Contains("確認できませんでした", chat.LastText);
        Assert.Contains("045-000-0000", chat.LastText);
        Assert.Equal(IntakeStep.Welcome, chat.Step);

        // The same chat cannot go on guessing, even with the button.
        chat.Send(Phrases.ComeBackToCase);
        Assert.Contains("確認できませんでした", chat.LastText);
        Assert.Equal(IntakeStep.Welcome, chat.Step);
    }

    [Fact]
    public void A_blocked_reference_says_to_wait_and_gives_the_phone()
    {
        var chat = new ConversationDriver();

        SendAsHost(chat, "KN-2026-000123 7KQ2-MX9D", _ => new CaseKeyAnswer(Reference, CaseKeyOutcome.Blocked, []));

        Assert.Contains("しばらく使えません", chat.LastText);
        Assert.Contains("045-000-0000", chat.LastText);
        Assert.Equal(IntakeStep.Welcome, chat.Step);
    }

    [Fact]
    public void A_closed_case_refuses_its_code()
    {
        var chat = new ConversationDriver();

        SendAsHost(chat, "KN-2026-000123 7KQ2-MX9D", _ => new CaseKeyAnswer(Reference, CaseKeyOutcome.Closed, []));

        Assert.Contains("終了していて、コードは使えません", chat.LastText);
        Assert.Equal(IntakeStep.Welcome, chat.Step);
    }

    [Fact]
    public void A_host_that_cannot_check_is_said_so_and_nothing_attaches()
    {
        var chat = new ConversationDriver();

        chat.Send("KN-2026-000123 7KQ2-MX9D");

        Assert.Contains("いまは確認できません", chat.LastText);
        Assert.NotEqual(IntakeStep.Attached, chat.Step);
    }

    [Fact]
    public void Attached_messages_are_addenda_to_that_ticket_and_replies_can_be_read_again()
    {
        var chat = new ConversationDriver();
        SendAsHost(chat, "KN-2026-000123 7KQ2-MX9D", RightKey);

        SendAsHost(chat, "息子は来週から病院に通います", RightKey);
        var addendum = Assert.IsType<AppendToTicket>(Assert.Single(chat.Last.SideEffects));
        Assert.Equal(Reference, addendum.Reference);
        Assert.Equal("息子は来週から病院に通います", addendum.Text);
        Assert.Contains("相談票に書き加えました", chat.LastText);

        SendAsHost(chat, Phrases.SeeReplies, RightKey);
        Assert.Contains("明日お電話します。", chat.LastText);
        Assert.Empty(chat.Last.SideEffects);

        SendAsHost(chat, "へんじ ありますか", RightKey);
        Assert.Contains("明日お電話します。", chat.LastText);
    }

    [Fact]
    public void Thanks_after_attaching_add_nothing()
    {
        var chat = new ConversationDriver();
        SendAsHost(chat, "KN-2026-000123 7KQ2-MX9D", RightKey);

        SendAsHost(chat, "ありがとうございました", RightKey);

        Assert.Empty(chat.Last.SideEffects);
    }

    [Fact]
    public void Starting_over_leaves_the_case()
    {
        var chat = new ConversationDriver();
        SendAsHost(chat, "KN-2026-000123 7KQ2-MX9D", RightKey);

        chat.Send("最初から");

        Assert.Equal(IntakeStep.Welcome, chat.Step);
        Assert.Null(chat.State.CaseLink);
        chat.Send("息子のことで相談したい");
        Assert.DoesNotContain(chat.Last.SideEffects, e => e is AppendToTicket);
    }

    [Fact]
    public void A_crisis_while_attached_still_gets_the_crisis_guidance()
    {
        var chat = new ConversationDriver();
        SendAsHost(chat, "KN-2026-000123 7KQ2-MX9D", RightKey);

        chat.Send("もう死にたい");

        Assert.Contains(chat.Last.SideEffects, e => e is CreateTicket { Kind: TicketKind.Crisis });
    }

    [Fact]
    public void In_plain_japanese_coming_back_is_worded_plainly()
    {
        var chat = new ConversationDriver();
        chat.Send("やさしい日本語で");

        chat.Send("うけつけばんごうで つづきから");

        Assert.Equal(IntakeStep.Reattach, chat.Step);
        Assert.Contains("うけつけばんごうと ひきつぎ コードを かいて ください", chat.LastText);
        SendAsHost(chat, "kn-2026-000123 7kq2mx9d", RightKey);
        Assert.Contains("そうだんに つながりました", chat.LastText);
    }

    [Fact]
    public void A_filed_intake_shows_the_code_placeholder_once_and_the_transcript_never_holds_it()
    {
        var chat = new ConversationDriver().SendAll([.. IntakeScripts.FamilyWithButtons, Phrases.Send]);

        var done = chat.Turns.Single(t => t.SideEffects.Any(e => e is CreateTicket { Kind: TicketKind.Intake }));
        Assert.Contains(TurnResult.AttachCodePlaceholder, string.Join("\n", done.Replies.Select(r => r.Text)));

        var filled = done.WithReferenceNumber(Reference).WithAttachCode("7KQ2-MX9D");
        Assert.Contains("引き継ぎコードは 7KQ2-MX9D です", string.Join("\n", filled.Replies.Select(r => r.Text)));
        Assert.DoesNotContain("7KQ2-MX9D", IntakeStateSerializer.Serialize(filled.State));
        var ticket = filled.SideEffects.OfType<CreateTicket>().Single();
        Assert.DoesNotContain(ticket.Transcript, t => t.Text.Contains("7KQ2-MX9D", StringComparison.Ordinal));
        Assert.Contains(ticket.Transcript, t => t.Text.Contains(TurnResult.CodeShownMark, StringComparison.Ordinal));
    }

    [Fact]
    public void A_consented_conversation_keeps_no_code_in_what_it_heard()
    {
        var chat = new ConversationDriver().SendAll("相談を始める", "同意する", "最初から");
        Assert.True(chat.State.Consented);

        SendAsHost(chat, "KN-2026-000123 7KQ2-MX9D", RightKey);

        var transcript = string.Join("\n", chat.State.Transcript.Select(t => t.Text));
        Assert.DoesNotContain("7KQ2", transcript);
        Assert.Contains(Phrases.CaseKeyHeard, transcript);
    }
}
