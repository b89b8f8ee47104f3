using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// What the coordinators wrote to a case, for a person who came back to it with its code: the
/// coordinator messages of the case's conversation and of the conversation attached now, and
/// nothing else of them (the bot's questions and the person's earlier answers stay unseen).
/// </summary>
public sealed class CoordinatorReplies(ConversationProtector protector)
{
    private const int MaxReplies = 20;

    /// <summary>A coordinator's message as stored: the bot's side, under the coordinator's own account.</summary>
    public static bool IsCoordinatorMessage(Activity activity) =>
        activity.Type == ActivityTypes.Message
        && activity.From is { Role: "bot", Id: { } id }
        && id.StartsWith(CoordinatorIdPrefix, StringComparison.Ordinal);

    /// <summary>The prefix of the account id a coordinator writes under (<c>coordinator:12</c>).</summary>
    public const string CoordinatorIdPrefix = "coordinator:";

    public async Task<IReadOnlyList<CoordinatorReply>> ReadAsync(IntakeDbContext db, string caseConversationId, string attachedConversationId, CancellationToken cancellationToken)
    {
        var rows = await db.Activities.AsNoTracking()
            .Where(a => (a.ConversationId == caseConversationId || a.ConversationId == attachedConversationId) && !a.FromUser)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Sequence)
            .Select(a => a.Json)
            .ToListAsync(cancellationToken);
        return rows.Select(protector.OpenActivity)
            .Where(IsCoordinatorMessage)
            .Select(a => new CoordinatorReply(a.From!.Name ?? "相談員", a.Text ?? string.Empty, a.Timestamp ?? DateTimeOffset.MinValue))
            .TakeLast(MaxReplies)
            .ToList();
    }
}
