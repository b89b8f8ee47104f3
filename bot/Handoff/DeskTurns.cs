using IntakeBot.Bot.Activities;
using IntakeBot.Bot.Channels.BotFramework;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntakeBot.Bot.Handoff;

/// <summary>
/// Desk events as turns of a stored conversation: through the same durable <see cref="TurnRunner"/>
/// as the person's messages, addressed with the conversation's stored channel, user and
/// serviceUrl, so a coordinator's message gets a sequence number, encryption, the stream's push
/// and (for /api/messages) an outbox row exactly like a bot reply. Access is the caller's job.
/// </summary>
public sealed class DeskTurns(
    IServiceScopeFactory scopes,
    TurnRunner turns,
    ConversationProtector protector,
    IOptions<BotFrameworkOptions> bot,
    TypingIndicators typing,
    ConversationSignals signals)
{
    /// <summary>Wakes the conversation's streams (the coordinator's typing is shown without a turn).</summary>
    public void Pulse(string conversationId) => signals.Pulse(conversationId);

    /// <summary>The coordinators' account in the activities they send (<c>from.id</c>; the name is theirs).</summary>
    public const string DeskAccountId = ReplyRenderer.DeskAccountId;

    /// <summary>The stored conversation and its state; null when it is gone (deleted, or never stored).</summary>
    public async Task<(ConversationRecord Record, IntakeState State)?> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        return record is null ? null : (record, protector.OpenState(record.SealedState));
    }

    /// <summary>Runs a desk event as a turn; null when the conversation is gone.</summary>
    public async Task<TurnOutcome?> RunAsync(ConversationRecord record, DeskEvent desk, CancellationToken cancellationToken)
    {
        var options = bot.Value;
        var address = new ConversationAddress(
            record.Id, record.ExternalId, record.ChannelId,
            new ChannelAccount { Id = record.BotId ?? options.BotId, Name = options.BotName, Role = "bot" },
            new ChannelAccount { Id = record.UserId, Role = "user" },
            record.ServiceUrl);
        var outcome = await turns.RunAsync(
            new TurnRequest(address, UserInput.FromDesk(desk), null, null,
                AssignUserActivityId: false, CreateIfMissing: false, DeliverToServiceUrl: record.ServiceUrl is not null),
            cancellationToken);
        if (desk.Kind == DeskEventKind.Message)
        {
            typing.Sent(record.Id, byUser: false);
        }

        return outcome.Status == TurnStatus.UnknownConversation ? null : outcome;
    }

    /// <summary>The conversation's messages after <paramref name="after"/>, opened, oldest first.</summary>
    public async Task<List<ChatMessage>> MessagesAsync(string conversationId, long after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > after)
            .OrderBy(a => a.Sequence)
            .Take(500)
            .ToListAsync(cancellationToken);
        var messages = new List<ChatMessage>(rows.Count);
        foreach (var row in rows)
        {
            var activity = protector.OpenActivity(row.Json);
            if (activity.Type != ActivityTypes.Message)
            {
                continue;
            }

            var from = row.FromUser ? "user" : activity.From?.Id == DeskAccountId ? "coordinator" : "bot";
            messages.Add(new ChatMessage(row.Sequence, from, from == "coordinator" ? activity.From?.Name : null, activity.Text ?? string.Empty, row.CreatedAt));
        }

        return messages;
    }

    /// <summary>The conversations waiting for a coordinator now, longest first (at most 200).</summary>
    public async Task<List<(string Id, DateTimeOffset Since)>> WaitingConversationsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return await WaitingConversationsAsync(db, cancellationToken);
    }

    /// <summary>Everyone waiting for a coordinator now, longest first, with their case's latest ticket.</summary>
    public async Task<List<WaitingPerson>> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var waiting = await WaitingConversationsAsync(db, cancellationToken);
        if (waiting.Count == 0)
        {
            return [];
        }

        var ids = waiting.Select(w => w.Id).ToList();
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.ConversationId))
            .Select(t => new { t.ConversationId, t.Id, t.ReferenceNumber })
            .ToListAsync(cancellationToken);
        var latest = tickets.GroupBy(t => t.ConversationId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Id)!.ReferenceNumber, StringComparer.Ordinal);
        return [.. waiting.Select(w => new WaitingPerson(w.Id, latest.GetValueOrDefault(w.Id), w.Since))];
    }

    /// <summary>The same, on a context the caller already has open.</summary>
    public static async Task<List<(string Id, DateTimeOffset Since)>> WaitingConversationsAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.WaitingForPersonSince != null)
            .OrderBy(c => c.WaitingForPersonSince)
            .Take(200)
            .Select(c => new { c.Id, Since = c.WaitingForPersonSince!.Value })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Since))];
    }
}
