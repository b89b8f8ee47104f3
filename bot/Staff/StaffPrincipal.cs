using System.Globalization;
using System.Security.Claims;

namespace IntakeBot.Bot.Staff;

/// <summary>The logged-in staff member, read from the session's claims.</summary>
public sealed record StaffPrincipal(long Id, string Name, string Role)
{
    public const string IdClaim = "staff_id";
    public const string StampClaim = "staff_stamp";
    public const string SessionClaim = "sid";

    /// <summary>
    /// When the session's login happened (Unix milliseconds). The cookie's own issue time is
    /// renewed by sliding expiration, this claim is copied unchanged into every renewed ticket.
    /// </summary>
    public const string SignedInClaim = "staff_signed_in";

    public bool IsAdmin => Role == StaffRoles.Admin;

    public static StaffPrincipal From(ClaimsPrincipal user) =>
        TryFrom(user) ?? throw new InvalidOperationException("Not a staff session.");

    public static StaffPrincipal? TryFrom(ClaimsPrincipal user)
    {
        var id = user.FindFirst(IdClaim)?.Value;
        var name = user.FindFirst(ClaimTypes.Name)?.Value;
        var role = user.FindFirst(ClaimTypes.Role)?.Value;
        return id is not null && name is not null && role is not null && long.TryParse(id, CultureInfo.InvariantCulture, out var value)
            ? new StaffPrincipal(value, name, role)
            : null;
    }

    /// <summary>The login time kept in the session, or null for a session without one.</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(SignedInClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    public static ClaimsPrincipal Create(StaffUser user, string authenticationType, DateTimeOffset signedInAt) =>
        new(new ClaimsIdentity(
            [
                new Claim(IdClaim, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(StampClaim, user.SecurityStamp),
                // A fresh id for every login, so a session never continues one from before it.
                new Claim(SessionClaim, Guid.NewGuid().ToString("N")),
                new Claim(SignedInClaim, signedInAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role));
}
