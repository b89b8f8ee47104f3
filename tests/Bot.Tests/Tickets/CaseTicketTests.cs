using System.Text;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using IntakeBot.Bot.Tickets;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Tickets;

/// <summary>
/// Issue 21 parts 6 and 7 through the host (SQLite, or PostgreSQL with INTAKEBOT_TEST_STORAGE):
/// one case per conversation, the way to reach the person, 追記 after 送信, and the basics on the
/// ticket page, the print view and the CSV.
/// </summary>
public sealed class CaseTicketTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        await _host.AddStaffAsync("chief", Bot.Staff.StaffRoles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ApiMessagesChat> NewChatAsync()
    {
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        return chat;
    }

    private static async Task<string> SayAsync(ApiMessagesChat chat, string text) =>
        string.Join("\n", (await chat.SendAsync(text)).Select(r => r.Text));

    private Task<List<TicketRecord>> TicketsAsync(string key) =>
        _host.DbAsync(db => db.Tickets.AsNoTracking().Where(t => t.ConversationId == key).OrderBy(t => t.Id).ToListAsync());

    private IntakeRecord RecordOf(TicketRecord ticket) =>
        TicketIntake.Read<IntakeRecord>(_host.Services.GetRequiredService<TicketProtector>(), ticket.RecordJson);

    [Fact]
    public async Task A_crisis_before_contact_promises_nothing_the_phone_given_reaches_its_ticket_and_the_intake_is_the_same_case_counted_once()
    {
        var chat = await NewChatAsync();

        var crisis = await SayAsync(chat, "死にたい");
        Assert.Contains("110番", crisis);
        Assert.DoesNotContain("知らせました", crisis);
        Assert.DoesNotContain("連絡します", crisis);
        var crisisTicket = Assert.Single(await TicketsAsync(chat.Key));
        Assert.Equal("Crisis", crisisTicket.Kind);
        Assert.Null(RecordOf(crisisTicket).Phone);

        var thanks = await SayAsync(chat, "０９０－１２３４－５６７８");
        Assert.Contains("相談員から連絡します", thanks);
        Assert.Equal("090-1234-5678", RecordOf(Assert.Single(await TicketsAsync(chat.Key))).Phone);

        // The intake after it: the phone is not asked again.
        var script = IntakeScripts.For("家族").Where(a => a != "090-1234-5678").ToList();
        var texts = await IntakeScripts.RunAsync(chat, script);
        Assert.Contains(texts, t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));

        var tickets = await TicketsAsync(chat.Key);
        Assert.Equal(["Crisis", "Intake"], tickets.Select(t => t.Kind));
        var intake = tickets[1];
        Assert.Equal("090-1234-5678", RecordOf(intake).Phone);
        Assert.Equal("Urgent", intake.Priority);

        using var chief = await StaffSession.LoginAsync(_host, "chief");
        var page = await chief.Client.GetStringAsync($"dashboard/tickets/{intake.ReferenceNumber}");
        Assert.Contains("同じ相談の相談票", page);
        Assert.Contains($"href=\"/dashboard/tickets/{crisisTicket.ReferenceNumber}\"", page);
        Assert.Contains("同じ相談 2件", await chief.Client.GetStringAsync("dashboard"));

        var stats = await chief.Client.GetStringAsync("dashboard/stats");
        Assert.Contains("相談の件数: 1件", stats);
        Assert.Contains("相談票の総数: 2件", stats);
    }

    [Fact]
    public async Task A_handoff_at_the_second_question_asks_a_way_and_the_mail_given_reaches_the_handoff_ticket()
    {
        var chat = await NewChatAsync();
        await IntakeScripts.RunAsync(chat, ["相談したいです", "同意する", "家族です"]);

        var handoff = await SayAsync(chat, "人と話したい");
        Assert.DoesNotContain("連絡します", handoff);
        Assert.Contains("電話番号かメールアドレス", handoff);

        var given = await SayAsync(chat, "hanako@example.jp です");
        Assert.Contains("相談員から連絡します", given);
        var ticket = Assert.Single(await TicketsAsync(chat.Key));
        Assert.Equal("Handoff", ticket.Kind);
        Assert.Equal("hanako@example.jp", RecordOf(ticket).Email);
        Assert.DoesNotContain("hanako@example.jp", ticket.RecordJson);
    }

    [Fact]
    public async Task Writing_after_sending_adds_a_timed_addendum_to_the_intake_ticket_marked_for_the_coordinator()
    {
        var (reference, key) = await DeskFixtures.IntakeAsync(_host);
        var chat = new ApiMessagesChat(_host.Client, key["bf:test:".Length..]);

        var said = await SayAsync(chat, "息子は糖尿病もあります");

        Assert.Contains("担当者が読めるように、受付票に書き加えました", said);
        var addendum = Assert.Single(await _host.DbAsync(db => db.TicketAddenda.AsNoTracking().ToListAsync()));
        Assert.DoesNotContain("糖尿病", addendum.ProtectedText);
        Assert.True(DateTimeOffset.UtcNow - addendum.At < TimeSpan.FromMinutes(5));
        var row = await _host.DbAsync(db => db.TicketCases.AsNoTracking().SingleAsync(c => c.Ticket.ReferenceNumber == reference));
        Assert.Equal(addendum.At, row.AddendumAt);

        // A question after 送信 is answered, not added.
        await SayAsync(chat, "費用はかかりますか？");
        Assert.Single(await _host.DbAsync(db => db.TicketAddenda.AsNoTracking().ToListAsync()));

        using var chief = await StaffSession.LoginAsync(_host, "chief");
        Assert.Contains("追記あり", await chief.Client.GetStringAsync("dashboard"));
        var page = await chief.Client.GetStringAsync($"dashboard/tickets/{reference}");
        Assert.Contains("追記あり", page);
        Assert.Contains("息子は糖尿病もあります", page);
        var local = addendum.At.ToOffset(IntakeConversation.CenterUtcOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(local, page);
        var csv = Encoding.UTF8.GetString(await chief.Client.GetByteArrayAsync("api/tickets/export.csv"));
        Assert.Contains($"{local} 息子は糖尿病もあります", csv);
        var json = await chief.Client.GetStringAsync($"api/tickets/{reference}");
        Assert.Contains("\"addenda\":[{\"at\":", json);
        Assert.Contains("息子は糖尿病もあります", json);
    }

    [Fact]
    public async Task A_person_with_no_phone_finishes_with_a_reference_number_and_the_ticket_says_there_is_no_contact()
    {
        var chat = await NewChatAsync();
        var script = IntakeScripts.For("支援者").ToList();
        var phone = script.IndexOf("090-1234-5678");
        script.RemoveRange(phone, 2);
        script.Insert(phone, "電話はありません");

        var texts = await IntakeScripts.RunAsync(chat, script);

        var done = texts.Last(t => t.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal));
        Assert.Contains("センターから連絡することはできません", done);
        Assert.DoesNotContain("ご連絡します", done);
        var ticket = Assert.Single(await TicketsAsync(chat.Key));
        Assert.Equal(ContactWay.None, RecordOf(ticket).ContactWay);
        using var chief = await StaffSession.LoginAsync(_host, "chief");
        Assert.Contains("連絡先なし", await chief.Client.GetStringAsync($"dashboard/tickets/{ticket.ReferenceNumber}"));
    }

    [Fact]
    public async Task The_subjects_name_reading_and_whereabouts_are_on_the_ticket_page_the_print_view_and_the_csv_and_the_name_is_encrypted()
    {
        var (reference, _) = await DeskFixtures.IntakeAsync(_host);
        var ticket = await _host.DbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.ReferenceNumber == reference));
        Assert.DoesNotContain("山田 一郎", ticket.RecordJson);
        Assert.Equal("山田 一郎", RecordOf(ticket).SubjectName);

        using var chief = await StaffSession.LoginAsync(_host, "chief");
        foreach (var path in new[] { $"dashboard/tickets/{reference}", $"dashboard/tickets/{reference}/print" })
        {
            var html = await chief.Client.GetStringAsync(path);
            Assert.Contains("ご本人の氏名", html);
            Assert.Contains("山田 一郎", html);
            Assert.Contains("やまだ いちろう", html);
            Assert.Contains("拘置所（横浜拘置支所）", html);
            Assert.Contains("090-1234-5678", html);
        }

        var csv = Encoding.UTF8.GetString(await chief.Client.GetByteArrayAsync("api/tickets/export.csv"));
        Assert.Contains("\"ご本人の氏名\",\"ふりがな\",\"いる場所\",\"裁判所\",\"事件番号\",\"連絡先\"", csv);
        Assert.Contains("\"山田 一郎\",\"やまだ いちろう\",\"拘置所（横浜拘置支所）\"", csv);
    }
}
