using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Tickets;

/// <summary>SECURITY.md cases 7, 8, 12 and 15 over what a ticket shows: XSS, filter injection, CSV, encryption at rest, audit.</summary>
public sealed class TicketContentTests : IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script>";
    private const string Img = "\"><img src=x onerror=alert(1)>";
    private const string Svg = "<svg onload=alert(1)>";
    private const string Js = "javascript:alert(1)";

    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        await _host.AddStaffAsync("tanaka");
        await _host.AddStaffAsync("chief", Bot.Staff.StaffRoles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static void AssertInert(string html, string where)
    {
        foreach (var live in new[] { "<script>alert", "<img src=x", "<svg onload", "href=\"javascript:", "onerror=alert(1)>", "\"><img" })
        {
            Assert.False(html.Contains(live, StringComparison.OrdinalIgnoreCase), $"{where} contains live markup {live}");
        }
    }

    [Fact]
    public async Task Script_payloads_in_chat_text_names_and_notes_render_inert_in_queue_detail_print_and_csv()
    {
        var (reference, _) = await DeskFixtures.IntakeAsync(_host, name: Img, details: $"{Script} {Svg} {Js}");
        using var session = await StaffSession.LoginAsync(_host, "tanaka");
        using var claim = await session.PostJsonAsync($"api/tickets/{reference}/claim");
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        using var note = await session.PostFormAsync($"dashboard/tickets/{reference}/notes", new Dictionary<string, string> { ["text"] = $"{Script}{Img}{Svg} {Js}" });
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);

        var queue = await session.Client.GetStringAsync("dashboard");
        AssertInert(queue, "queue");
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", queue, StringComparison.Ordinal);

        var detail = await session.Client.GetStringAsync($"dashboard/tickets/{reference}");
        AssertInert(detail, "detail");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", detail, StringComparison.Ordinal);
        Assert.Contains("&lt;svg onload=alert(1)&gt;", detail, StringComparison.Ordinal);

        var print = await session.Client.GetStringAsync($"dashboard/tickets/{reference}/print");
        AssertInert(print, "print view");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", print, StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await session.Client.GetByteArrayAsync("api/tickets/export.csv"));
        Assert.Contains("\"\"\"><img src=x onerror=alert(1)>\"", csv, StringComparison.Ordinal);
        Assert.Contains($"\"{Script} {Svg} {Js}\"", csv, StringComparison.Ordinal);

        var json = await session.Client.GetAsync($"api/tickets/{reference}");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", json.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_crisis_written_in_the_chat_tops_the_queue_and_its_transcript_renders_inert()
    {
        await DeskFixtures.IntakeAsync(_host, role: "支援者");
        var chat = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await chat.StartAsync();
        await chat.SendAsync("相談を始める");
        await chat.SendAsync("同意する");
        await chat.SendAsync($"{Script}{Img} {Js} 死にたい");
        var reference = await _host.DbAsync(db => db.Tickets.Where(t => t.ConversationId == chat.Key).Select(t => t.ReferenceNumber).SingleAsync());

        using var session = await StaffSession.LoginAsync(_host, "tanaka");
        var list = await session.Client.GetFromJsonAsync<JsonElement>("api/tickets");
        var top = list.GetProperty("tickets").EnumerateArray().First();
        Assert.Equal(reference, top.GetProperty("reference").GetString());
        Assert.Equal("緊急", top.GetProperty("priority").GetString());

        var queue = await session.Client.GetStringAsync("dashboard");
        Assert.Contains("p-urgent", queue, StringComparison.Ordinal);
        var detail = await session.Client.GetStringAsync($"dashboard/tickets/{reference}");
        AssertInert(detail, "detail");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", detail, StringComparison.Ordinal);
        var print = await session.Client.GetStringAsync($"dashboard/tickets/{reference}/print");
        AssertInert(print, "print");
    }

    [Fact]
    public async Task Sql_in_filter_values_and_sort_is_refused_or_matched_as_text()
    {
        var (reference, _) = await DeskFixtures.IntakeAsync(_host);
        using var session = await StaffSession.LoginAsync(_host, "tanaka");
        string[] refused =
        [
            "status=%E6%96%B0%E8%A6%8F'%20OR%20'1'%3D'1", "duty=1%20OR%201%3D1", "flag=Elderly'--", "owner=x'%20OR%201%3D1--",
            "sort=priority;DROP%20TABLE%20tickets", "sort=OwnerId%20DESC", "sort=(SELECT%201)",
        ];
        foreach (var query in refused)
        {
            using var page = await session.Client.GetAsync("dashboard?" + query);
            Assert.True(page.StatusCode == HttpStatusCode.BadRequest, $"page {query}: {page.StatusCode}");
            using var api = await session.Client.GetAsync("api/tickets?" + query);
            Assert.True(api.StatusCode == HttpStatusCode.BadRequest, $"api {query}: {api.StatusCode}");
        }

        var text = await session.Client.GetFromJsonAsync<JsonElement>("api/tickets?q=%27%20OR%201%3D1%20--");
        Assert.Empty(text.GetProperty("tickets").EnumerateArray());
        var byName = await session.Client.GetFromJsonAsync<JsonElement>("api/tickets?q=" + Uri.EscapeDataString("花子"));
        Assert.Equal(reference, Assert.Single(byName.GetProperty("tickets").EnumerateArray()).GetProperty("reference").GetString());
        var duty = Assert.Single(byName.GetProperty("tickets").EnumerateArray()).GetProperty("duty").GetInt32();
        var byReference = await session.Client.GetFromJsonAsync<JsonElement>($"api/tickets?q={reference[^6..]}&status=%E6%96%B0%E8%A6%8F&duty={duty}&owner=none&sort=due");
        Assert.Single(byReference.GetProperty("tickets").EnumerateArray());
        var otherDuty = await session.Client.GetFromJsonAsync<JsonElement>($"api/tickets?duty={(duty % 4) + 1}");
        Assert.Empty(otherDuty.GetProperty("tickets").EnumerateArray());

        Assert.Equal(1, await _host.DbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(1, await _host.DbAsync(db => db.TicketCases.CountAsync()));
    }

    [Fact]
    public async Task The_queue_is_sorted_by_priority_then_due_date_with_days_left()
    {
        foreach (var role in new[] { "本人", "家族", "弁護士", "支援者" })
        {
            await DeskFixtures.IntakeAsync(_host, role: role);
        }

        using var session = await StaffSession.LoginAsync(_host, "tanaka");
        var list = await session.Client.GetFromJsonAsync<JsonElement>("api/tickets");
        var rows = list.GetProperty("tickets").EnumerateArray()
            .Select(t => (Rank: t.GetProperty("priorityRank").GetInt32(), Due: t.GetProperty("dueDate").GetString()!)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(rows.OrderBy(r => r.Rank).ThenBy(r => r.Due, StringComparer.Ordinal).ToList(), rows);
        Assert.True(rows.Select(r => r.Rank).Distinct().Count() > 1, "the scripts should give different priorities");

        var page = await session.Client.GetStringAsync("dashboard");
        Assert.Matches("あと[0-9]+日|今日まで|[0-9]+日超過", page);
        Assert.Contains("class=\"p-", page, StringComparison.Ordinal);

        var stats = await session.Client.GetStringAsync("dashboard/stats");
        Assert.Contains("<svg", stats, StringComparison.Ordinal);
        Assert.Contains("相談支援業務（業務4）", stats, StringComparison.Ordinal);
        Assert.Contains("弁護士", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_has_a_bom_quotes_every_cell_neutralises_formulas_and_is_audited()
    {
        var (reference, _) = await DeskFixtures.IntakeAsync(_host, name: "=HYPERLINK(\"x\")", details: "+1,\"引用\"\n-2");
        using var session = await StaffSession.LoginAsync(_host, "tanaka");
        using var claim = await session.PostJsonAsync($"api/tickets/{reference}/claim");
        foreach (var text in new[] { "@SUM(A1)", "\tTAB", "-3+3", "=1+1" })
        {
            using var note = await session.PostJsonAsync($"api/tickets/{reference}/notes", new { text });
            Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        }

        using var response = await session.Client.GetAsync("api/tickets/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("\"受付番号\",", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'+1,\"\"引用\"\"\n-2\"", csv, StringComparison.Ordinal);
        foreach (var cell in Bot.Tickets.TicketCsv.Header)
        {
            Assert.Contains($"\"{cell}\"", csv, StringComparison.Ordinal);
        }

        Assert.Equal("\"'@x\"", Bot.Tickets.TicketCsv.Cell("@x"));
        Assert.Equal("\"'\tx\"", Bot.Tickets.TicketCsv.Cell("\tx"));
        Assert.Equal("\"'\rx\"", Bot.Tickets.TicketCsv.Cell("\rx"));
        Assert.Equal("\"'\nx\"", Bot.Tickets.TicketCsv.Cell("\nx"));
        Assert.Equal("\"'-x\"", Bot.Tickets.TicketCsv.Cell("-x"));
        Assert.Equal("\"a,b\"", Bot.Tickets.TicketCsv.Cell("a,b"));
        Assert.Equal(1, await _host.DbAsync(db => db.AuditLog.CountAsync(a => a.Action == "export" && a.UserName == "tanaka" && a.Outcome == "ok")));
    }

    [Fact]
    public async Task Reading_a_ticket_writes_one_audit_row_with_user_and_time_and_the_log_is_append_only()
    {
        var (reference, _) = await DeskFixtures.IntakeAsync(_host);
        using var session = await StaffSession.LoginAsync(_host, "tanaka");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var page = await session.Client.GetAsync($"dashboard/tickets/{reference}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = await _host.DbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.TicketReference == reference).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("tanaka", row.UserName);
        Assert.Equal("read", row.Action);
        Assert.Equal("ok", row.Outcome);
        Assert.InRange(row.At, before, DateTimeOffset.UtcNow.AddSeconds(1));

        await _host.DbAsync(async db =>
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET UserName = 'someone'"));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
            return 0;
        });
        Assert.Equal("tanaka", (await _host.DbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.TicketReference == reference))).UserName);

        using var admin = await StaffSession.LoginAsync(_host, "chief");
        var adminPage = await admin.Client.GetStringAsync("dashboard/admin");
        Assert.Contains(reference, adminPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_text_and_notes_are_encrypted_at_rest_and_never_logged()
    {
        var nameMarker = "NAME" + Guid.NewGuid().ToString("N")[..10];
        var detailMarker = "DETAIL" + Guid.NewGuid().ToString("N")[..10];
        var noteMarker = "NOTE" + Guid.NewGuid().ToString("N")[..10];
        var (reference, _) = await DeskFixtures.IntakeAsync(_host, name: nameMarker, details: detailMarker + " 相談です");
        using var session = await StaffSession.LoginAsync(_host, "tanaka");
        using var claim = await session.PostJsonAsync($"api/tickets/{reference}/claim");
        using var note = await session.PostJsonAsync($"api/tickets/{reference}/notes", new { text = noteMarker + " 電話しました" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var detail = await session.Client.GetStringAsync($"dashboard/tickets/{reference}");
        Assert.Contains(noteMarker, detail, StringComparison.Ordinal);
        Assert.Contains(detailMarker, detail, StringComparison.Ordinal);
        await session.Client.GetStringAsync("dashboard?q=" + nameMarker);
        await session.Client.GetByteArrayAsync("api/tickets/export.csv");

        // Every column of the coordinators' tables, as stored.
        var stored = await _host.DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var all = new StringBuilder();
            foreach (var table in new[] { "tickets", "ticket_cases", "ticket_notes", "ticket_checklist", "ticket_events", "audit_log", "webhook_outbox" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table}";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        all.Append(reader.GetValue(i)).Append('|');
                    }
                }
            }

            return all.ToString();
        });
        Assert.Contains(reference, stored, StringComparison.Ordinal);
        foreach (var marker in new[] { nameMarker, detailMarker, noteMarker })
        {
            Assert.DoesNotContain(marker, stored, StringComparison.Ordinal);
        }

        // Neither the chat (conversation state and activity stream) nor the ticket may keep the
        // name, the story or the note in plain text anywhere in the database files (SECURITY 15).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await _host.StoredBytesAsync();
        Assert.True(bytes.Length > 0);
        foreach (var marker in new[] { nameMarker, detailMarker, noteMarker })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) < 0, $"{marker} is in the database file in plain text");
        }

        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(nameMarker, StringComparison.Ordinal)
                                                     || l.Contains(detailMarker, StringComparison.Ordinal)
                                                     || l.Contains(noteMarker, StringComparison.Ordinal));
    }
}
