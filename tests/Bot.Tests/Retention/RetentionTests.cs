using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeBot.Bot.Channels.DirectLine;
using IntakeBot.Bot.Retention;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Staff;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntakeBot.Bot.Tests.Retention;

/// <summary>
/// The retention job on the real host with a clock the test moves: abandoned conversations go
/// after N days and not before, conversations with a live ticket stay, closed tickets lose their
/// personal data after M days while the statistics keep counting them, and every run is one
/// audit entry. The worker is off except in its own test, so each run here is the test's.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private const int ConversationDays = 30;
    private const int TicketDays = 400;
    private const string NoteMarker = "RETENTION-NOTE-7f3a";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(enabled: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<BotHost> StartAsync(bool enabled, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Retention:Enabled"] = enabled ? "true" : "false",
            ["Retention:AbandonedConversationDays"] = ConversationDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Retention:ClosedTicketDays"] = TicketDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Small batches, so the tests go through the batching loop.
            ["Retention:BatchSize"] = "2",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return BotHost.StartAsync(settings: settings, configure: builder => builder.Services.AddSingleton<TimeProvider>(_clock));
    }

    private RetentionJob Job => _host.Services.GetRequiredService<RetentionJob>();

    private Task<RetentionReport> RunAsync() => Job.RunAsync(_clock.GetUtcNow(), CancellationToken.None);

    /// <summary>A Direct Line intake that stops after the role question (consent given, so state holds personal answers).</summary>
    private async Task<DirectLineClient> HalfIntakeAsync()
    {
        var line = await new DirectLineClient(_host.Client).GetPageTokenAsync();
        await line.StartAsync();
        foreach (var answer in new[] { "相談を始める", "同意する", "家族・親族です", "親（父・母）" })
        {
            await line.PostAsync(answer);
        }

        return line;
    }

    private Task<(bool Exists, int Activities, int Processed, int Outbox)> RowsAsync(string key) => _host.DbAsync(async db => (
        await db.Conversations.AnyAsync(c => c.Id == key),
        await db.Activities.CountAsync(a => a.ConversationId == key),
        await db.ProcessedActivities.CountAsync(p => p.ConversationId == key),
        await db.OutboundDeliveries.CountAsync(o => o.ConversationId == key)));

    private Task<List<string?>> AuditDetailsAsync() => _host.DbAsync(db =>
        db.AuditLog.AsNoTracking().Where(a => a.Action == RetentionJob.AuditAction).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());

    /// <summary>A reply to a conversation that cannot be delivered yet, as the outbox holds it.</summary>
    private Task AddOutboxRowAsync(string key) => _host.DbAsync(async db =>
    {
        db.OutboundDeliveries.Add(new OutboundDelivery
        {
            ConversationId = key,
            ExternalConversationId = key,
            ServiceUrl = "http://127.0.0.1:1/",
            FirstSequence = 1,
            LastSequence = 1,
            // Far ahead, so the delivery worker leaves it alone while the clock moves.
            NextAttemptAt = _clock.GetUtcNow().AddYears(20),
            CreatedAt = _clock.GetUtcNow(),
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task An_abandoned_conversation_is_purged_after_N_days_and_not_before_and_its_token_gets_a_clean_404()
    {
        var line = await HalfIntakeAsync();
        var api = new ApiMessagesChat(_host.Client, Guid.NewGuid().ToString("N"));
        await api.StartAsync();
        await api.SendAsync("相談を始める");
        await AddOutboxRowAsync(api.Key);
        var before = await RowsAsync(line.ConversationId);
        Assert.True(before.Exists && before.Activities > 5 && before.Processed > 3, before.ToString());

        _clock.Advance(TimeSpan.FromDays(ConversationDays) - TimeSpan.FromMinutes(1));
        Assert.Equal(new RetentionReport(0, 0), await RunAsync());
        Assert.Equal(before, await RowsAsync(line.ConversationId));
        Assert.Equal(1, (await RowsAsync(api.Key)).Outbox);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new RetentionReport(2, 0), await RunAsync());
        Assert.Equal((false, 0, 0, 0), await RowsAsync(line.ConversationId));
        Assert.Equal((false, 0, 0, 0), await RowsAsync(api.Key));

        // A page left open keeps refreshing its token; after the purge its calls get 404, never a 5xx.
        var oldToken = line.Token;
        var (fresh, _) = _host.Services.GetRequiredService<DirectLineTokens>().Issue(DirectLineTokenKind.Conversation, line.ConversationId, line.UserId);
        using (var poll = await line.GetRawAsync(token: fresh))
        {
            await ErrorAssert.IsAsync(poll, HttpStatusCode.NotFound, "ConversationNotFound");
        }

        line.Token = fresh;
        using (var post = await line.PostRawAsync("""{"type":"message","text":"まだいますか"}"""))
        {
            await ErrorAssert.IsAsync(post, HttpStatusCode.NotFound, "ConversationNotFound");
        }

        using (var resume = await _host.Client.SendAsync(line.Request(HttpMethod.Get, $"v3/directline/conversations/{line.ConversationId}")))
        {
            await ErrorAssert.IsAsync(resume, HttpStatusCode.NotFound, "ConversationNotFound");
        }

        // The token it had when it left expired long ago: 401, as for any old token.
        using (var old = await line.GetRawAsync(token: oldToken))
        {
            await ErrorAssert.IsAsync(old, HttpStatusCode.Unauthorized, "TokenExpired");
        }

        Assert.False(await _host.DbAsync(db => db.Conversations.AnyAsync(c => c.Id == line.ConversationId)), "a poll must not bring the conversation back");

        // Running again finds nothing more; each run wrote one audit entry with its counts.
        Assert.Equal(new RetentionReport(0, 0), await RunAsync());
        var audit = await AuditDetailsAsync();
        Assert.Equal(3, audit.Count);
        Assert.StartsWith("会話削除 0件", audit[0]);
        Assert.StartsWith("会話削除 2件", audit[1]);
        Assert.Contains("相談票匿名化 0件", audit[1]);
        Assert.StartsWith("会話削除 0件", audit[2]);
    }

    [Fact]
    public async Task A_closed_ticket_is_anonymised_after_M_days_its_conversation_goes_with_it_and_the_statistics_do_not_change()
    {
        await _host.AddStaffAsync("chief", StaffRoles.Admin);
        var (closedRef, closedKey) = await DeskFixtures.IntakeAsync(_host, name: "退会 花子", details: "RETENTION-DETAILS-91c2");
        var (openRef, openKey) = await DeskFixtures.IntakeAsync(_host);

        using (var chief = await StaffSession.LoginAsync(_host, "chief"))
        {
            Assert.Equal(HttpStatusCode.OK, (await chief.PostJsonAsync($"api/tickets/{closedRef}/claim")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await chief.PostJsonAsync($"api/tickets/{closedRef}/notes", new { text = NoteMarker + " 電話で話した" })).StatusCode);
            var tick = (await chief.Client.GetFromJsonAsync<JsonElement>($"api/tickets/{closedRef}")).GetProperty("checklist")[0].GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.OK, (await chief.PostJsonAsync($"api/tickets/{closedRef}/checklist", new { id = tick, done = true })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await chief.PostJsonAsync($"api/tickets/{closedRef}/status", new { status = "終了" })).StatusCode);
        }

        // A machine summary (LanguageModel) is the transcript in other words: it goes too.
        await _host.DbAsync(db => db.TicketCases.Where(c => c.Ticket.ReferenceNumber == closedRef)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProtectedSummary, "sealed summary")));
        var stats = await StatsAsync();
        Assert.Contains("相談票の総数: 2件", stats);

        // Long after the chat, but the tickets still hold personal data: both conversations stay.
        _clock.Advance(TimeSpan.FromDays(ConversationDays + 5));
        Assert.Equal(new RetentionReport(0, 0), await RunAsync());
        Assert.True((await RowsAsync(closedKey)).Exists);

        _clock.Advance(TimeSpan.FromDays(TicketDays - ConversationDays - 5) - TimeSpan.FromMinutes(1));
        Assert.Equal(new RetentionReport(0, 0), await RunAsync());
        Assert.False(await IsAnonymisedAsync(closedRef));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new RetentionReport(1, 1), await RunAsync());
        Assert.True(await IsAnonymisedAsync(closedRef));
        Assert.False(await IsAnonymisedAsync(openRef));
        Assert.False((await RowsAsync(closedKey)).Exists);
        Assert.True((await RowsAsync(openKey)).Exists, "an open ticket keeps its conversation, however old");

        // What stays: the row the statistics count; what goes: every personal field.
        var kept = await _host.DbAsync(async db =>
        {
            var c = await db.TicketCases.AsNoTracking().Include(x => x.Ticket).SingleAsync(x => x.Ticket.ReferenceNumber == closedRef);
            return (c, Notes: await db.TicketNotes.CountAsync(n => n.TicketId == c.TicketId),
                Details: await db.TicketEvents.CountAsync(e => e.TicketId == c.TicketId && e.Detail != null),
                Anonymise: await db.TicketEvents.CountAsync(e => e.TicketId == c.TicketId && e.Kind == RetentionJob.AnonymisedEvent));
        });
        Assert.Null(kept.c.ProtectedName);
        Assert.Null(kept.c.ProtectedSummary);
        Assert.Equal("終了", kept.c.Ticket.Status);
        Assert.Equal(0, kept.Notes);
        Assert.Equal(0, kept.Details);
        Assert.Equal(1, kept.Anonymise);
        Assert.Equal(stats, await StatsAsync());

        using (var chief = await StaffSession.LoginAsync(_host, "chief"))
        {
            var page = await chief.Client.GetStringAsync($"dashboard/tickets/{closedRef}");
            Assert.Contains("保存期間が過ぎたため個人情報を削除しました", page);
            Assert.DoesNotContain(NoteMarker, page);
            Assert.DoesNotContain("RETENTION-DETAILS-91c2", page);
            Assert.DoesNotContain("退会", page);
            var print = await chief.Client.GetStringAsync($"dashboard/tickets/{closedRef}/print");
            Assert.Contains("保存期間が過ぎたため個人情報を削除しました", print);

            var json = await chief.Client.GetFromJsonAsync<JsonElement>($"api/tickets/{closedRef}");
            Assert.True(json.GetProperty("anonymised").GetBoolean());
            Assert.Equal(0, json.GetProperty("transcript").GetArrayLength());
            Assert.Equal(0, json.GetProperty("notes").GetArrayLength());
            Assert.Equal(0, json.GetProperty("answers").GetArrayLength());
            Assert.False(json.GetProperty("ticket").TryGetProperty("name", out var name) && name.ValueKind != JsonValueKind.Null, "no name");
            Assert.Equal("終了", json.GetProperty("ticket").GetProperty("status").GetString());

            var queue = await chief.Client.GetFromJsonAsync<JsonElement>("api/tickets?status=終了");
            Assert.Equal(closedRef, Assert.Single(queue.GetProperty("tickets").EnumerateArray()).GetProperty("reference").GetString());

            // A note would bring personal text back.
            using var note = await chief.PostJsonAsync($"api/tickets/{closedRef}/notes", new { text = "追記" });
            Assert.Equal(HttpStatusCode.BadRequest, note.StatusCode);

            var csv = await chief.Client.GetStringAsync("api/tickets/export.csv");
            Assert.DoesNotContain(NoteMarker, csv);
            Assert.Contains(closedRef, csv);
        }

        // Twice changes nothing more.
        var snapshot = await TicketSnapshotAsync(closedRef);
        Assert.Equal(new RetentionReport(0, 0), await RunAsync());
        Assert.Equal(snapshot, await TicketSnapshotAsync(closedRef));

        var audit = await AuditDetailsAsync();
        Assert.Equal(4, audit.Count);
        Assert.Equal("会話削除 1件（30日以上やりとりなし）・相談票匿名化 1件（終了後400日以上）", audit[2]);
        Assert.Equal(1, await _host.DbAsync(db => db.AuditLog.CountAsync(a => a.Action == RetentionJob.AuditAction && a.UserName == RetentionJob.AuditUser && a.Detail!.Contains("匿名化 1件"))));
    }

    [Fact]
    public async Task A_conversation_resumed_just_before_the_run_survives_and_continues()
    {
        var line = await HalfIntakeAsync();
        _clock.Advance(TimeSpan.FromDays(ConversationDays) + TimeSpan.FromHours(1));

        // The person comes back (a fresh token, as a refreshed page has) and answers one question.
        line.Token = _host.Services.GetRequiredService<DirectLineTokens>().Issue(DirectLineTokenKind.Conversation, line.ConversationId, line.UserId).Token;
        await line.PostAsync("45歳");
        var rows = await RowsAsync(line.ConversationId);

        Assert.Equal(new RetentionReport(0, 0), await RunAsync());
        Assert.Equal(rows, await RowsAsync(line.ConversationId));
        await line.PostAsync("精神障がい");
        var replies = await line.PollAsync();
        Assert.Contains(replies, a => a.From?.Role == "bot");
    }

    [Fact]
    public async Task A_turn_between_picking_and_deleting_keeps_the_conversation()
    {
        var line = await HalfIntakeAsync();
        _clock.Advance(TimeSpan.FromDays(ConversationDays + 1));
        var cutoff = _clock.GetUtcNow() - TimeSpan.FromDays(ConversationDays);

        // The job picked it (it was abandoned then) …
        var picked = await _host.DbAsync(db => db.Conversations.Where(c => c.UpdatedAt < cutoff).Select(c => c.Id).ToListAsync());
        Assert.Contains(line.ConversationId, picked);

        // … then a turn lands before its DELETE runs: the DELETE re-checks the last turn time.
        line.Token = _host.Services.GetRequiredService<DirectLineTokens>().Issue(DirectLineTokenKind.Conversation, line.ConversationId, line.UserId).Token;
        await line.PostAsync("45歳");
        var deleted = await _host.DbAsync(db => RetentionJob.PurgeAsync(db, picked, cutoff, CancellationToken.None));
        Assert.Equal(0, deleted);
        Assert.True((await RowsAsync(line.ConversationId)).Exists);
    }

    [Fact]
    public async Task Two_runs_at_once_change_each_row_once()
    {
        await _host.AddStaffAsync("chief", StaffRoles.Admin);
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            references.Add((await DeskFixtures.IntakeAsync(_host)).Reference);
        }

        using (var chief = await StaffSession.LoginAsync(_host, "chief"))
        {
            foreach (var reference in references)
            {
                Assert.Equal(HttpStatusCode.OK, (await chief.PostJsonAsync($"api/tickets/{reference}/status", new { status = "終了" })).StatusCode);
            }
        }

        for (var i = 0; i < 3; i++)
        {
            await HalfIntakeAsync();
        }

        _clock.Advance(TimeSpan.FromDays(TicketDays + 1));
        var reports = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());
        Assert.Equal(3, reports.Sum(r => r.TicketsAnonymised));
        Assert.Equal(6, reports.Sum(r => r.ConversationsPurged));
        Assert.Equal(3, await _host.DbAsync(db => db.TicketEvents.CountAsync(e => e.Kind == RetentionJob.AnonymisedEvent)));
        Assert.Equal(0, await _host.DbAsync(db => db.Conversations.CountAsync()));
        Assert.Equal(3, await _host.DbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(3, (await AuditDetailsAsync()).Count);
    }

    [Fact]
    public async Task The_worker_runs_after_start_and_then_every_interval_on_the_hosts_clock()
    {
        await _host.DisposeAsync();
        _host = await StartAsync(enabled: true, new Dictionary<string, string?>
        {
            ["Retention:FirstRunDelay"] = "00:00:00",
            ["Retention:Interval"] = "06:00:00",
        });
        await WaitForAuditAsync(1);
        var line = await HalfIntakeAsync();

        _clock.Advance(TimeSpan.FromHours(6));
        await WaitForAuditAsync(2);
        Assert.True((await RowsAsync(line.ConversationId)).Exists);

        _clock.Advance(TimeSpan.FromDays(ConversationDays + 1));
        await WaitForAuditAsync(3);
        Assert.False((await RowsAsync(line.ConversationId)).Exists);
        Assert.StartsWith("会話削除 1件", (await AuditDetailsAsync())[2]);
    }

    private async Task WaitForAuditAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await AuditDetailsAsync()).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the worker did not run (expected {count} audit entries)");
            await Task.Delay(50);
        }
    }

    private Task<bool> IsAnonymisedAsync(string reference) =>
        _host.DbAsync(db => db.Tickets.AnyAsync(t => t.ReferenceNumber == reference && t.RecordJson == Bot.Tickets.TicketRecord.AnonymisedMarker));

    private Task<string> TicketSnapshotAsync(string reference) => _host.DbAsync(async db =>
    {
        var c = await db.TicketCases.AsNoTracking().Include(x => x.Ticket).SingleAsync(x => x.Ticket.ReferenceNumber == reference);
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == c.TicketId).OrderBy(e => e.Id).Select(e => e.Kind + e.Detail + e.At).ToListAsync();
        return JsonSerializer.Serialize(new { c.Ticket.RecordJson, c.Ticket.Status, c.ProtectedName, c.UpdatedAt, c.Duty, c.PriorityRank, c.Flags, events });
    });

    private async Task<string> StatsAsync()
    {
        if (!await _host.DbAsync(db => db.StaffUsers.AnyAsync(u => u.UserName == "viewer")))
        {
            await _host.AddStaffAsync("viewer");
        }

        using var session = await StaffSession.LoginAsync(_host, "viewer");
        var html = await session.Client.GetStringAsync("dashboard/stats");
        var start = html.IndexOf("<h1>統計", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}

/// <summary>Settings that would delete at once, never, or all in one transaction are refused when the host starts.</summary>
public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData("Retention:AbandonedConversationDays", "0")]
    [InlineData("Retention:ClosedTicketDays", "-5")]
    [InlineData("Retention:Interval", "00:00:00")]
    [InlineData("Retention:FirstRunDelay", "2.00:00:00")]
    [InlineData("Retention:BatchSize", "0")]
    public void Bad_settings_fail_validation(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(key, value).Value);
        Assert.Contains(key, string.Join(" ", error.Failures));
    }

    [Fact]
    public void The_defaults_are_valid_and_documented_ones()
    {
        var options = Options().Value;
        Assert.True(options.Enabled);
        Assert.Equal(30, options.AbandonedConversationDays);
        Assert.Equal(1825, options.ClosedTicketDays);
        Assert.Equal(TimeSpan.FromHours(6), options.Interval);
    }

    private static IOptions<RetentionOptions> Options(params string[] setting)
    {
        var values = new Dictionary<string, string?>();
        if (setting.Length == 2)
        {
            values[setting[0]] = setting[1];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddRetention(configuration).BuildServiceProvider().GetRequiredService<IOptions<RetentionOptions>>();
    }
}
