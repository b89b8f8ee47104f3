using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Tickets;

/// <summary>Atomic claiming, and SECURITY.md case 6 (IDOR): a coordinator cannot read or change a colleague's ticket by its id, over pages or the API.</summary>
public sealed class ClaimAndIdorTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private string _reference = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        (_reference, _) = await DeskFixtures.IntakeAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<(long? Owner, string? OwnerName, string Status, int Notes, int Events, int Ticks)> StateAsync() => _host.DbAsync(async db =>
    {
        var c = await db.TicketCases.AsNoTracking().Include(x => x.Ticket).SingleAsync(x => x.Ticket.ReferenceNumber == _reference);
        return (c.OwnerId, c.OwnerName, c.Ticket.Status,
            await db.TicketNotes.CountAsync(n => n.TicketId == c.TicketId),
            await db.TicketEvents.CountAsync(v => v.TicketId == c.TicketId),
            await db.TicketChecklist.CountAsync(i => i.TicketId == c.TicketId && i.DoneAt != null));
    });

    private Task<int> AuditAsync(string user, string action, string outcome, string? reference = null) =>
        _host.DbAsync(db => db.AuditLog.CountAsync(a => a.UserName == user && a.Action == action && a.Outcome == outcome && a.TicketReference == (reference ?? _reference)));

    [Fact]
    public async Task Twenty_parallel_claims_have_exactly_one_winner_and_the_others_see_who()
    {
        var names = Enumerable.Range(1, 20).Select(i => $"coord{i:D2}").ToList();
        foreach (var name in names)
        {
            await _host.AddStaffAsync(name);
        }

        var sessions = await Task.WhenAll(names.Select(n => StaffSession.LoginAsync(_host, n)));
        var tokens = await Task.WhenAll(sessions.Select(s => s.ApiTokenAsync()));
        var responses = await Task.WhenAll(sessions.Select(async (s, i) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/tickets/{_reference}/claim");
            request.Headers.Add(Bot.Staff.RequestGuard.HeaderName, tokens[i]);
            using var response = await s.Client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var owner = winner.Body.GetProperty("owner").GetString();
        var losers = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(19, losers.Count);
        Assert.All(losers, l =>
        {
            // Lost the race (409), or came after it and found a colleague's ticket (403): either way they see who has it.
            Assert.True(l.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden, l.StatusCode.ToString());
            Assert.Equal(owner, l.Body.GetProperty("owner").GetString());
        });

        var state = await StateAsync();
        Assert.Equal(owner, state.OwnerName);
        Assert.Equal("対応中", state.Status);
        Assert.Equal(1, await _host.DbAsync(db => db.TicketEvents.CountAsync(v => v.Kind == "claim")));
        Assert.Equal(1, await _host.DbAsync(db => db.AuditLog.CountAsync(a => a.Action == "claim" && a.Outcome == "ok")));
        Assert.Equal(19, await _host.DbAsync(db => db.AuditLog.CountAsync(a => a.Action == "claim" && (a.Outcome == "conflict" || a.Outcome == "denied"))));
        foreach (var s in sessions)
        {
            s.Dispose();
        }
    }

    [Fact]
    public async Task A_coordinator_cannot_read_claim_annotate_or_change_a_colleagues_ticket_and_each_try_is_audited()
    {
        await _host.AddStaffAsync("tanaka");
        await _host.AddStaffAsync("suzuki");
        using var owner = await StaffSession.LoginAsync(_host, "tanaka");
        using var claim = await owner.PostFormAsync($"dashboard/tickets/{_reference}/claim");
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        var before = await StateAsync();
        var itemId = await _host.DbAsync(db => db.TicketChecklist.Where(i => i.Ticket.ReferenceNumber == _reference).Select(i => i.Id).FirstAsync());

        using var other = await StaffSession.LoginAsync(_host, "suzuki");
        foreach (var (path, action) in new[] { ($"dashboard/tickets/{_reference}", "read"), ($"dashboard/tickets/{_reference}/print", "print"), ($"api/tickets/{_reference}", "api-read") })
        {
            using var response = await other.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.Equal(1, await AuditAsync("suzuki", action, "denied"));
        }

        var posts = new (string Path, object Body, string Action)[]
        {
            ($"api/tickets/{_reference}/claim", new { }, "claim"),
            ($"api/tickets/{_reference}/release", new { }, "release"),
            ($"api/tickets/{_reference}/notes", new { text = "横取りメモ" }, "note"),
            ($"api/tickets/{_reference}/status", new { status = "連絡済" }, "status"),
            ($"api/tickets/{_reference}/checklist", new { id = itemId, done = true }, "checklist"),
        };
        foreach (var (path, body, action) in posts)
        {
            using var response = await other.PostJsonAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }

        foreach (var (path, fields) in new[]
        {
            ($"dashboard/tickets/{_reference}/notes", new Dictionary<string, string> { ["text"] = "横取りメモ" }),
            ($"dashboard/tickets/{_reference}/status", new Dictionary<string, string> { ["status"] = "連絡済" }),
            ($"dashboard/tickets/{_reference}/release", new Dictionary<string, string>()),
        })
        {
            using var response = await other.PostFormAsync(path, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }

        Assert.Equal(before, await StateAsync());
        Assert.Equal(2, await AuditAsync("suzuki", "note", "denied"));
        Assert.Equal(2, await AuditAsync("suzuki", "status", "denied"));
        Assert.Equal(2, await AuditAsync("suzuki", "release", "denied"));
        Assert.Equal(1, await AuditAsync("suzuki", "claim", "denied"));
        Assert.Equal(1, await AuditAsync("suzuki", "checklist", "denied"));

        // Nor does the export hand it out.
        var csv = await other.Client.GetStringAsync("api/tickets/export.csv");
        Assert.DoesNotContain(_reference, csv, StringComparison.Ordinal);
        var queue = await other.Client.GetStringAsync("dashboard");
        Assert.DoesNotContain($"href=\"/dashboard/tickets/{_reference}\"", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guessed_reference_is_404_over_pages_and_api_and_audited()
    {
        await _host.AddStaffAsync("suzuki");
        using var other = await StaffSession.LoginAsync(_host, "suzuki");
        const string guess = "KN-2026-999999";
        using var page = await other.Client.GetAsync($"dashboard/tickets/{guess}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var api = await other.Client.GetAsync($"api/tickets/{guess}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        using var note = await other.PostJsonAsync($"api/tickets/{guess}/notes", new { text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        using var junk = await other.Client.GetAsync("api/tickets/1%27%20OR%201%3D1");
        Assert.Equal(HttpStatusCode.NotFound, junk.StatusCode);

        Assert.Equal(1, await AuditAsync("suzuki", "read", "notfound", guess));
        Assert.Equal(1, await AuditAsync("suzuki", "api-read", "notfound", guess));
        Assert.Equal(1, await AuditAsync("suzuki", "note", "notfound", guess));
        Assert.Equal(0, await _host.DbAsync(db => db.TicketNotes.CountAsync()));
    }

    [Fact]
    public async Task The_owner_works_the_ticket_through_the_status_flow_and_impossible_moves_are_refused()
    {
        await _host.AddStaffAsync("tanaka");
        using var owner = await StaffSession.LoginAsync(_host, "tanaka");
        using var claim = await owner.PostJsonAsync($"api/tickets/{_reference}/claim");
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);

        using var jump = await owner.PostJsonAsync($"api/tickets/{_reference}/status", new { status = "支援開始" });
        Assert.Equal(HttpStatusCode.BadRequest, jump.StatusCode);
        using var unknown = await owner.PostJsonAsync($"api/tickets/{_reference}/status", new { status = "'; DROP TABLE tickets; --" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("対応中", (await StateAsync()).Status);

        foreach (var next in new[] { "連絡済", "支援開始", "終了" })
        {
            using var move = await owner.PostJsonAsync($"api/tickets/{_reference}/status", new { status = next });
            Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        }

        using var back = await owner.PostJsonAsync($"api/tickets/{_reference}/status", new { status = "新規" });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Equal("終了", (await StateAsync()).Status);

        var history = await _host.DbAsync(db => db.TicketEvents.Where(v => v.Kind == "status").OrderBy(v => v.Id).Select(v => v.FromStatus + "→" + v.ToStatus).ToListAsync());
        Assert.Equal(["新規→対応中", "対応中→連絡済", "連絡済→支援開始", "支援開始→終了"], history);

        var itemId = await _host.DbAsync(db => db.TicketChecklist.Where(i => i.Ticket.ReferenceNumber == _reference).Select(i => i.Id).FirstAsync());
        using var tick = await owner.PostJsonAsync($"api/tickets/{_reference}/checklist", new { id = itemId, done = true });
        Assert.Equal(HttpStatusCode.OK, tick.StatusCode);
        var item = await _host.DbAsync(db => db.TicketChecklist.AsNoTracking().SingleAsync(i => i.Id == itemId));
        Assert.Equal("tanaka", item.DoneBy);
        Assert.NotNull(item.DoneAt);

        var detail = await owner.Client.GetFromJsonAsync<JsonElement>($"api/tickets/{_reference}");
        Assert.Equal("終了", detail.GetProperty("ticket").GetProperty("status").GetString());
        Assert.Contains(detail.GetProperty("checklist").EnumerateArray(), i => i.GetProperty("done").GetBoolean() && i.GetProperty("doneBy").GetString() == "tanaka");
        Assert.NotEmpty(detail.GetProperty("reasons").EnumerateArray());
        Assert.Contains(detail.GetProperty("answers").EnumerateArray(), a => a.GetProperty("label").GetString() == "お名前" && a.GetProperty("value").GetString() == "山田 花子 (はは)");
    }
}
