using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Channels.DirectLine;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Security;

/// <summary>
/// SECURITY.md case 21 on the server: after an intake is filed, the resume key the page kept
/// (or a copy of it) opens a fresh conversation, never the filed one; an unfinished intake still
/// resumes, for hours, not days; and the filing turn's replies tell the page to forget.
/// </summary>
public sealed class SharedComputerTests
{
    private static async Task<JsonObject> ResumeAsync(BotHost host, string resume, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await host.Client.PostAsJsonAsync("api/webchat/token", new { resume });
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static bool MarkedFiled(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("intakebot", out var ours)
        && ours.TryGetProperty("filed", out var filed)
        && filed.ValueKind == JsonValueKind.True;

    [Fact]
    public async Task A_resume_key_of_a_filed_intake_gets_a_fresh_conversation_and_none_of_the_filed_transcript()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new DirectLinePollingChat(host.Client);
        await chat.StartAsync();
        var resumeKey = chat.Line.Resume;
        var filedConversation = chat.Line.ConversationId;
        await IntakeScripts.RunAsync(chat, IntakeScripts.For("家族"));
        Assert.Equal(1, await host.DbAsync(db => db.Tickets.CountAsync(t => t.ConversationId == filedConversation && t.Kind == "Intake")));
        var before = await host.SnapshotAsync(filedConversation);

        // The key the page kept, or a copy of it, on the same or another browser.
        var answer = await ResumeAsync(host, resumeKey);

        Assert.False((bool)answer["resumed"]!);
        var fresh = (string)answer["conversationId"]!;
        Assert.NotEqual(filedConversation, fresh);
        var line = new DirectLineClient(host.Client) { Token = (string)answer["token"]!, ConversationId = fresh };
        using (var read = await line.GetRawAsync(conversationId: filedConversation))
        {
            await ErrorAssert.IsAsync(read, HttpStatusCode.Forbidden, "TokenConversationMismatch");
        }

        await line.StartAsync();
        var shown = await line.PollAsync();
        Assert.DoesNotContain(shown, a => a.Text?.Contains("山田 花子", StringComparison.Ordinal) == true || a.Text?.Contains("精神障がい", StringComparison.Ordinal) == true);
        Assert.All(shown, a => Assert.Equal(fresh, a.Conversation!.Id));
        // Nothing of the filed conversation or its ticket was changed or deleted.
        Assert.Equal(before, await host.SnapshotAsync(filedConversation));
    }

    [Fact]
    public async Task Only_the_replies_of_the_turn_that_filed_the_intake_tell_the_page_to_forget()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new DirectLinePollingChat(host.Client);
        var welcome = await chat.StartAsync();
        var script = IntakeScripts.For("本人");
        await IntakeScripts.RunAsync(chat, script.Take(script.Count - 1));
        var all = (await new DirectLineClient(host.Client) { Token = chat.Line.Token, ConversationId = chat.Line.ConversationId }.PollAsync()).ToList();
        Assert.DoesNotContain(all, MarkedFiled);

        var filing = await chat.SendAsync(script[^1]);

        Assert.Contains(filing, a => a.Text?.Contains(IntakeScripts.ReferencePrefix, StringComparison.Ordinal) == true);
        Assert.All(filing, a => Assert.True(MarkedFiled(a)));
        var replay = await new DirectLineClient(host.Client) { Token = chat.Line.Token, ConversationId = chat.Line.ConversationId }.PollAsync();
        Assert.Equal(filing.Count, replay.Count(MarkedFiled));
        Assert.DoesNotContain(welcome, MarkedFiled);
    }

    [Fact]
    public async Task An_unfinished_intake_still_resumes_with_its_transcript()
    {
        await using var host = await BotHost.StartAsync();
        var chat = new DirectLinePollingChat(host.Client);
        await chat.StartAsync();
        await IntakeScripts.RunAsync(chat, ["相談を始める", "同意する", "家族・親族です"]);

        var answer = await ResumeAsync(host, chat.Line.Resume);

        Assert.True((bool)answer["resumed"]!);
        Assert.Equal(chat.Line.ConversationId, (string)answer["conversationId"]!);
        var line = new DirectLineClient(host.Client) { Token = (string)answer["token"]!, ConversationId = chat.Line.ConversationId };
        Assert.Contains(await line.PollAsync(), a => a.Text == "家族・親族です");
    }

    [Fact]
    public async Task A_resume_key_lives_hours_by_default_and_the_configured_lifetime_ends_it()
    {
        var defaults = new DirectLineOptions();
        Assert.InRange(defaults.ResumeLifetime, TimeSpan.FromHours(1), TimeSpan.FromHours(12));

        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["DirectLine:ResumeLifetime"] = "00:00:02" });
        var chat = new DirectLinePollingChat(host.Client);
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var response = await host.Client.PostAsJsonAsync("api/webchat/token", new { resume = chat.Line.Resume });
        await ErrorAssert.IsAsync(response, HttpStatusCode.Unauthorized, "TokenExpired");
    }
}
