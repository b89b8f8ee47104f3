using System.Net;
using System.Text.Json;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Dashboard;

/// <summary>Issue 23, part 5: the desk is live (Server-Sent Events), with a counter of unclaimed 緊急/高.</summary>
public sealed class LiveDeskTests
{
    /// <summary>An urgent (crisis) ticket in three turns, as the webhook tests make one.</summary>
    private static async Task<string> CrisisAsync(BotHost host)
    {
        var chat = new ApiMessagesChat(host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await chat.SendAsync("同意する");
        await chat.SendAsync("もう死にたい");
        return await host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Key && t.Priority == "Urgent").Select(t => t.ReferenceNumber).SingleAsync());
    }

    [Fact]
    public async Task The_event_stream_and_the_live_part_need_a_login()
    {
        await using var host = await BotHost.StartAsync();
        using var anonymous = StaffSession.Anonymous(host);
        foreach (var path in new[] { "dashboard/events", "dashboard/live" })
        {
            using var response = await anonymous.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/dashboard/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.NotEqual("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_event_arrives_when_a_ticket_is_filed_through_the_chat_with_the_unclaimed_urgent_count()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Desk:RecheckInterval"] = "00:00:00.300" });
        await host.AddStaffAsync("tanaka");
        using var coordinator = await StaffSession.LoginAsync(host, "tanaka");
        await using var stream = await DeskEventStream.OpenAsync(coordinator.Client);
        var first = await stream.NextAsync();
        Assert.Equal(0, first.GetProperty("urgent").GetInt32());

        var reference = await CrisisAsync(host);
        var next = await stream.NextAsync();
        Assert.NotEqual(first.GetProperty("stamp").GetString(), next.GetProperty("stamp").GetString());
        Assert.Equal(1, next.GetProperty("urgent").GetInt32());
        var ticketId = await host.DbAsync(db => db.Tickets.Where(t => t.ReferenceNumber == reference).Select(t => t.Id).SingleAsync());
        Assert.Equal(ticketId, next.GetProperty("latestUrgent").GetInt64());
        // The event names no ticket and no person: the page fetches its rows itself.
        Assert.DoesNotContain(reference, next.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_on_this_instance_is_pushed_at_once_without_waiting_for_the_recheck()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Desk:RecheckInterval"] = "00:10:00" });
        await host.AddStaffAsync("tanaka");
        var reference = await CrisisAsync(host);
        using var coordinator = await StaffSession.LoginAsync(host, "tanaka");
        await using var stream = await DeskEventStream.OpenAsync(coordinator.Client);
        Assert.Equal(1, (await stream.NextAsync()).GetProperty("urgent").GetInt32());

        using var claim = await coordinator.PostFormAsync($"dashboard/tickets/{reference}/claim");
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        var claimed = await stream.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, claimed.GetProperty("urgent").GetInt32());
    }

    [Fact]
    public async Task The_counter_and_the_tab_title_count_only_open_unclaimed_urgent_and_high_tickets()
    {
        await using var host = await BotHost.StartAsync();
        await host.AddStaffAsync("tanaka");
        var tickets = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            tickets.Add((await DeskFixtures.IntakeAsync(host)).Reference);
        }

        // 緊急 unclaimed, 緊急 claimed, 高 unclaimed, 緊急 closed.
        await host.DbAsync(async db =>
        {
            foreach (var (reference, rank) in tickets.Zip(new[] { 0, 0, 1, 0 }))
            {
                await db.TicketCases.Where(c => c.Ticket.ReferenceNumber == reference).ExecuteUpdateAsync(s => s.SetProperty(c => c.PriorityRank, rank));
            }

            await db.Tickets.Where(t => t.ReferenceNumber == tickets[3]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, "終了"));
            return 0;
        });
        using var coordinator = await StaffSession.LoginAsync(host, "tanaka");
        using var claim = await coordinator.PostFormAsync($"dashboard/tickets/{tickets[1]}/claim");

        var page = await coordinator.Client.GetStringAsync("dashboard");
        Assert.Contains("<title>(1) 緊急 – 相談票キュー – IntakeBot</title>", page, StringComparison.Ordinal);
        Assert.Contains(">緊急 1件</span>", page, StringComparison.Ordinal);
        Assert.Contains(">高 1件</span>", page, StringComparison.Ordinal);
        await using var stream = await DeskEventStream.OpenAsync(coordinator.Client);
        var state = await stream.NextAsync();
        Assert.Equal(1, state.GetProperty("urgent").GetInt32());
        Assert.Equal(1, state.GetProperty("high").GetInt32());

        using var claimUrgent = await coordinator.PostFormAsync($"dashboard/tickets/{tickets[0]}/claim");
        Assert.Contains("<title>相談票キュー – IntakeBot</title>", await coordinator.Client.GetStringAsync("dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_part_is_the_queue_without_the_frame_and_keeps_the_filters()
    {
        await using var host = await BotHost.StartAsync();
        await host.AddStaffAsync("tanaka");
        var (reference, _) = await DeskFixtures.IntakeAsync(host);
        using var coordinator = await StaffSession.LoginAsync(host, "tanaka");
        var live = await coordinator.Client.GetStringAsync("dashboard/live");
        Assert.StartsWith("<div id=\"live\"", live.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", live, StringComparison.Ordinal);
        Assert.Contains(reference, live, StringComparison.Ordinal);
        Assert.Contains("name=\"__csrf\"", live, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, await coordinator.Client.GetStringAsync("dashboard/live?status=" + Uri.EscapeDataString("終了")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_stops_at_once_with_a_desk_page_still_listening()
    {
        var host = await BotHost.StartAsync();
        await host.AddStaffAsync("tanaka");
        using var coordinator = await StaffSession.LoginAsync(host, "tanaka");
        await using var stream = await DeskEventStream.OpenAsync(coordinator.Client);
        await stream.NextAsync();
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.DisposeAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
    }

    [Fact]
    public async Task Someone_asking_for_a_person_within_the_hours_rings_the_desk_and_is_listed_first_with_a_link_to_the_ticket()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Desk:RecheckInterval"] = "00:00:00.300",
            ["Center:Hours:From"] = "00:00",
            ["Center:Hours:To"] = "23:59:59",
        };
        foreach (var (day, i) in Enum.GetValues<DayOfWeek>().Select((d, i) => (d, i)))
        {
            settings[$"Center:Hours:Days:{i}"] = day.ToString();
        }

        await using var host = await BotHost.StartAsync(settings: settings);
        await host.AddStaffAsync("tanaka");
        using var coordinator = await StaffSession.LoginAsync(host, "tanaka");
        await using var stream = await DeskEventStream.OpenAsync(coordinator.Client);
        Assert.Equal(0, (await stream.NextAsync()).GetProperty("waiting").GetInt32());

        var chat = new ApiMessagesChat(host.Client, "waiting-person");
        await chat.StartAsync();
        await IntakeScripts.RunAsync(chat, ["相談したい", "同意します", "家族です"]);
        Assert.Contains("相談員を呼んでいます", string.Join("\n", (await chat.SendAsync("人と話したい")).Select(r => r.Text)));

        JsonElement rang;
        do
        {
            rang = await stream.NextAsync();
        }
        while (rang.GetProperty("waiting").GetInt32() == 0);
        Assert.Equal(1, rang.GetProperty("waiting").GetInt32());
        Assert.True(rang.GetProperty("latestWaiting").GetInt64() > 0);

        var reference = await host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Key).Select(t => t.ReferenceNumber).SingleAsync());
        var queue = await coordinator.Client.GetStringAsync("dashboard");
        Assert.Contains("チャットで相談員を待っている人", queue);
        Assert.Contains($"href=\"/dashboard/tickets/{reference}\"", queue);
        Assert.Contains("チャット待ち 1人", queue);
        Assert.Contains("<title>(1) チャット待ち – ", queue);
    }

    /// <summary>A reader of <c>/dashboard/events</c> as EventSource reads it: one JSON object per <c>desk</c> event.</summary>
    private sealed class DeskEventStream : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private DeskEventStream(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        public static async Task<DeskEventStream> OpenAsync(HttpClient client)
        {
            var response = await client.GetAsync("dashboard/events", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore);
            return new DeskEventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        public async Task<JsonElement> NextAsync(TimeSpan? within = null)
        {
            using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
            string? name = null;
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "desk")
                {
                    return JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
                }
            }

            throw new InvalidOperationException("the event stream ended");
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
