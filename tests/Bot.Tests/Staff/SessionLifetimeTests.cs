using System.Net;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeBot.Bot.Tests.Staff;

/// <summary>
/// SECURITY.md case 11: a session ends at the absolute timeout after its login however active it
/// is. Sliding expiration renews the cookie (and its issue time) while the session is used; the
/// limit counts from the login itself.
/// </summary>
public sealed class SessionLifetimeTests
{
    [Fact]
    public async Task An_active_session_ends_at_the_absolute_timeout_counted_from_login_not_from_its_last_renewal()
    {
        // The host's clock moves only when the test says.
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        await using var host = await BotHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Staff:IdleTimeout"] = "00:00:20", ["Staff:AbsoluteTimeout"] = "00:00:30" },
            configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await host.AddStaffAsync("tanaka");
        var (reference, _) = await DeskFixtures.IntakeAsync(host);
        using var session = await StaffSession.LoginAsync(host, "tanaka");
        var cookies = new List<string?> { session.SessionCookie };

        // Used every 12 s: past half the idle time each time, so every request renews the cookie.
        for (var elapsed = 12; elapsed <= 24; elapsed += 12)
        {
            clock.Advance(TimeSpan.FromSeconds(12));
            using var active = await session.Client.GetAsync("dashboard");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
            cookies.Add(session.SessionCookie);
        }

        Assert.Equal(cookies.Count, cookies.Distinct().Count());
        var token = await session.ApiTokenAsync();

        clock.Advance(TimeSpan.FromSeconds(12));
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"api/tickets/{reference}/claim") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        claim.Headers.Add(Bot.Staff.RequestGuard.HeaderName, token);
        using var refused = await session.Client.SendAsync(claim);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, await host.DbAsync(db => db.AuditLog.CountAsync(a => a.Action == "claim" && a.Outcome == "ok")));
        Assert.Equal(0, await host.DbAsync(db => db.TicketEvents.CountAsync(e => e.Kind == "claim")));

        using var page = await session.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dashboard/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // A new login starts a new lifetime.
        using var again = await StaffSession.LoginAsync(host, "tanaka");
        using var fresh = await again.Client.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
