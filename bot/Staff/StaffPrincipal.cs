using System.Globalization;
using System.Security.Claims;

namespace IntakeBot.Bot.Staff;

/// <summary>The logged-in staff member, read from the session's claims.</summary>
public sealed record StaffPrincipal(long Id, string Name, string Role)
{
    public const string IdClaim = "staff_id";
    public const string StampClaim = "staff_stamp";
    public const string SessionClaim = "sid";

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

    public static ClaimsPrincipal Create(StaffUser user, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(IdClaim, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(StampClaim, user.SecurityStamp),
                // A fresh id for every login, so a session never continues one from before it.
                new Claim(SessionClaim, Guid.NewGuid().ToString("N")),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role));
}
