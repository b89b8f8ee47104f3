using System.Net;
using System.Text.Json;
using IntakeBot.Bot.Channels.Line;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Channels.Line;

/// <summary>
/// Issue 24 part 4: a coordinator answers a LINE conversation from the desk. Their messages are
/// pushed to the user through the fake LINE Platform; the user's answers reach the desk, and the
/// bot stays quiet until the chat is handed back.
/// </summary>
public sealed class LineHandoffTests
{
    [Fact]
    public async Task A_coordinators_messages_are_pushed_to_LINE_the_users_answers_reach_the_desk_and_handback_resumes_the_question()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();
        foreach (var text in new[] { "相談を始める", "同意する", "家族・親族です" })
        {
            await chat.SendAsync(text);
        }

        var handoff = string.Join("\n", (await chat.SendAsync("人と話したい")).Select(m => m.Text));
        Assert.Contains("引き継ぎコードは", handoff);
        var reference = await host.DbAsync(db => db.Tickets.Where(t => t.ConversationId.StartsWith(LineChannel.Id + ":")).Select(t => t.ReferenceNumber).SingleAsync());
        await host.AddStaffAsync("tanaka", StaffRoles.Admin);
        using var tanaka = await StaffSession.LoginAsync(host, "tanaka");

        using (var sent = await tanaka.PostJsonAsync($"api/tickets/{reference}/messages", new { text = "相談員の田中です。ご家族のことを教えてください。" }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var pushed = (await chat.NextMessagesAsync()).Select(m => m.Text).ToList();
        Assert.Equal(LineMessageRenderer.NotificationLine, pushed[0]);
        Assert.Contains(pushed, t => t!.Contains("相談員（tanaka）がつながりました", StringComparison.Ordinal));
        Assert.Contains("相談員の田中です。ご家族のことを教えてください。", pushed);
        Assert.Contains(line.Calls, c => c.Accepted && c.Endpoint == "push" && c.UserId == chat.UserId);

        // The user answers on LINE: the desk reads it, and the bot says nothing.
        var before = line.DeliveredTo(chat.UserId).Count;
        using (var answer = await FakeLinePlatform.PostAsync(host.Client, line.TextEvent(chat.UserId, "母のことです")))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        for (var i = 0; i < 50 && !(await MessagesAsync(tanaka, reference)).Contains("母のことです"); i++)
        {
            await Task.Delay(200);
        }

        Assert.Contains("母のことです", await MessagesAsync(tanaka, reference));
        await Task.Delay(500);
        Assert.Equal(before, line.DeliveredTo(chat.UserId).Count);

        // Handed back: the bot asks the question the user was on, over LINE.
        using (var back = await tanaka.PostJsonAsync($"api/tickets/{reference}/handback"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        var resumed = string.Join("\n", (await chat.NextMessagesAsync()).Select(m => m.Text));
        Assert.Contains("相談員とのチャットを終わりました", resumed);
        // It was on the way to reach the person (asked right after the handoff); then the relation.
        Assert.Contains("電話番号かメールアドレス", resumed);
        var next = string.Join("\n", (await chat.SendAsync("０９０－１２３４－５６７８")).Select(m => m.Text));
        Assert.True(next.Contains("ご関係", StringComparison.Ordinal), next);
    }

    private static async Task<List<string>> MessagesAsync(StaffSession staff, string reference)
    {
        var ticket = JsonSerializer.Deserialize<JsonElement>(await staff.Client.GetStringAsync($"api/tickets/{reference}"));
        return [.. ticket.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString() ?? string.Empty)];
    }
}
