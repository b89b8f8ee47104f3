using System.Text.RegularExpressions;
using IntakeBot.Bot.Staff;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// The queue's filters and sort, parsed from the query string against whitelists: an unknown
/// status, 業務区分, flag, owner or sort is an error (400), never SQL. Only the free-text search
/// is free, and it is matched as text in memory after decryption.
/// </summary>
public sealed partial record TicketQuery(
    string? Status = null,
    int? Duty = null,
    TriageFlag? Flag = null,
    string? Owner = null,
    string? Text = null,
    string Sort = TicketQuery.SortPriority)
{
    public const string SortPriority = "priority";
    public const string SortDue = "due";
    public const string SortCreated = "created";
    public const string OwnerMe = "me";
    public const string OwnerNone = "none";

    public static IReadOnlyList<string> Sorts { get; } = [SortPriority, SortDue, SortCreated];

    public static (TicketQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var result = new TicketQuery();
        var status = query["status"].ToString();
        if (status.Length > 0)
        {
            if (!TicketStatuses.IsKnown(status))
            {
                return (null, "status");
            }

            result = result with { Status = status };
        }

        var duty = query["duty"].ToString();
        if (duty.Length > 0)
        {
            if (duty is not ("1" or "2" or "3" or "4"))
            {
                return (null, "duty");
            }

            result = result with { Duty = duty[0] - '0' };
        }

        var flag = query["flag"].ToString();
        if (flag.Length > 0)
        {
            if (!Enum.GetNames<TriageFlag>().Contains(flag, StringComparer.Ordinal))
            {
                return (null, "flag");
            }

            result = result with { Flag = Enum.Parse<TriageFlag>(flag) };
        }

        var owner = query["owner"].ToString();
        if (owner.Length > 0)
        {
            if (owner is not (OwnerMe or OwnerNone) && !StaffAccounts.IsValidName(owner))
            {
                return (null, "owner");
            }

            result = result with { Owner = owner };
        }

        var text = query["q"].ToString().Trim();
        if (text.Length > 100)
        {
            return (null, "q");
        }

        if (text.Length > 0)
        {
            result = result with { Text = text };
        }

        var sort = query["sort"].ToString();
        if (sort.Length > 0)
        {
            if (!Sorts.Contains(sort, StringComparer.Ordinal))
            {
                return (null, "sort");
            }

            result = result with { Sort = sort };
        }

        return (result, null);
    }

    public static bool IsReference(string value) => ReferencePattern().IsMatch(value);

    [GeneratedRegex("^[A-Z0-9]{1,10}-[0-9]{4}-[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
