using IntakeBot.Bot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Staff;

/// <summary>
/// Checks the session on every request against the database: the account must exist, be
/// enabled and carry the same security stamp as when the session began (logout, password change
/// and disable change it), and the session must be younger than the absolute timeout, counted
/// from the login time in its own claim: the cookie's issue time moves with every sliding renewal.
/// </summary>
public static class StaffSessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal is { } p ? StaffPrincipal.TryFrom(p) : null;
        var stamp = context.Principal?.FindFirst(StaffPrincipal.StampClaim)?.Value;
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<StaffOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        StaffUser? user = null;
        if (principal is not null)
        {
            var db = services.GetRequiredService<IntakeDbContext>();
            user = await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == principal.Id, context.HttpContext.RequestAborted);
        }

        // A session from before the claim existed has none and ends: its login time is unknown.
        var signedIn = context.Principal is { } current ? StaffPrincipal.SignedInAt(current) : null;
        if (user is null || user.Disabled || user.SecurityStamp != stamp || user.Role != principal!.Role
            || signedIn is null || now - signedIn.Value > options.AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
