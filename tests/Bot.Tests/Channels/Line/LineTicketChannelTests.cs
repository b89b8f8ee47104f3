using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;

namespace IntakeBot.Bot.Tests.Channels.Line;

public sealed partial class LineTicketChannelTests
{
    [Fact]
    public async Task A_ticket_filed_over_LINE_says_LINE_and_a_web_one_Web_in_the_API_the_CSV_and_the_ticket_page()
    {
        await using var line = await FakeLinePlatform.StartAsync();
        await using var host = await BotHost.StartAsync(settings: line.Settings());
        var chat = new LineChat(line, host.Client);
        await chat.StartAsync();
        var texts = await IntakeScripts.RunAsync(chat, IntakeScripts.For("支援者"));
        var lineReference = Reference().Match(string.Join("\n", texts)).Value;
        var (webReference, _) = await DeskFixtures.IntakeAsync(host);
        await host.AddStaffAsync("chief", StaffRoles.Admin);
        using var desk = await StaffSession.LoginAsync(host, "chief");

        Assert.Equal("LINE", await ChannelAsync(desk, lineReference));
        Assert.Equal("Web", await ChannelAsync(desk, webReference));
        var csv = await desk.Client.GetStringAsync("api/tickets/export.csv");
        Assert.Contains("\"窓口\"", csv, StringComparison.Ordinal);
        Assert.Contains(csv.Split("\r\n"), row => row.Contains(lineReference, StringComparison.Ordinal) && row.EndsWith("\"LINE\"", StringComparison.Ordinal));
        var page = await desk.Client.GetStringAsync("dashboard/tickets/" + lineReference);
        Assert.Contains("窓口", page, StringComparison.Ordinal);
        Assert.Contains("LINE", page, StringComparison.Ordinal);
    }

    private static async Task<string?> ChannelAsync(StaffSession desk, string reference)
    {
        var json = await desk.Client.GetFromJsonAsync<JsonElement>("api/tickets/" + reference);
        return json.GetProperty("ticket").GetProperty("channel").GetString();
    }

    [GeneratedRegex("KN-[0-9]{4}-[0-9]{6}")]
    private static partial Regex Reference();
}
