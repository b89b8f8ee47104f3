using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tickets;
using IntakeBot.Bot.Turns;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Handoff;

/// <summary>
/// The coordinator's side of a live chat: who may read (<see cref="TicketDesk.CanRead"/>) and
/// write (<see cref="TicketDesk.CanChange"/>, and only the one coordinator who joined until the
/// handback), each read, join, message and handback audited without the message's text.
/// </summary>
public sealed class DeskChat(IntakeDbContext db, AuditLog audit, DeskTurns turns, TypingIndicators typing, PeopleWaiting bell, TimeProvider clock)
{
    public const string GoneMessage = "この会話はもう残っていません（ご本人が削除したか、保存期間が過ぎました）。";

    public async Task<DeskResult<DeskChatView>> ReadAsync(StaffPrincipal user, string reference, long after, bool audited, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, "chat-read", change: false, cancellationToken);
        if (found is null)
        {
            return new(outcome);
        }

        if (audited)
        {
            await audit.WriteAsync(user, "chat-read", reference, AuditLog.Ok, cancellationToken);
        }

        return new(DeskOutcome.Ok, await ViewAsync(user, found, after, cancellationToken));
    }

    /// <summary>
    /// Whether the session is still what it was (not logged out, password unchanged, account
    /// enabled, same role) and may still read the ticket: a live stream asks now and then, since
    /// the login check ran only when it opened.
    /// </summary>
    public async Task<bool> MayReadAsync(System.Security.Claims.ClaimsPrincipal principal, StaffPrincipal user, string reference, CancellationToken cancellationToken)
    {
        var stamp = principal.FindFirst(StaffPrincipal.StampClaim)?.Value;
        var account = await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == user.Id, cancellationToken);
        if (account is null || account.Disabled || account.SecurityStamp != stamp || account.Role != user.Role)
        {
            return false;
        }

        var found = await db.TicketCases.AsNoTracking().Include(c => c.Ticket).SingleOrDefaultAsync(c => c.Ticket.ReferenceNumber == reference, cancellationToken);
        return found is not null && TicketDesk.CanRead(user, found);
    }

    public Task<DeskResult<DeskChatView>> JoinAsync(StaffPrincipal user, string reference, CancellationToken cancellationToken) =>
        WriteAsync(user, reference, "chat-join", DeskEventKind.Join, null, cancellationToken);

    public async Task<DeskResult<DeskChatView>> SendAsync(StaffPrincipal user, string reference, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MessageLimits.MaxTextLength)
        {
            await audit.WriteAsync(user, "chat-message", reference, "invalid", cancellationToken);
            return new(DeskOutcome.Invalid, null, string.IsNullOrWhiteSpace(text)
                ? "メッセージを書いてください。"
                : $"メッセージは{MessageLimits.MaxTextLength}文字までです。分けて送ってください。");
        }

        return await WriteAsync(user, reference, "chat-message", DeskEventKind.Message, text, cancellationToken);
    }

    public Task<DeskResult<DeskChatView>> HandbackAsync(StaffPrincipal user, string reference, CancellationToken cancellationToken) =>
        WriteAsync(user, reference, "chat-handback", DeskEventKind.Handback, null, cancellationToken);

    /// <summary>The coordinator is typing: the person sees 「入力中」 (never stored, not audited).</summary>
    public async Task<DeskOutcome> TypingAsync(StaffPrincipal user, string reference, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, "chat-typing", change: true, cancellationToken);
        if (found is null)
        {
            return outcome;
        }

        var conversation = await turns.ReadAsync(found.Ticket.ConversationId, cancellationToken);
        if (conversation?.State.Coordinator is not { } joined || joined.Id != user.Id)
        {
            return DeskOutcome.Conflict;
        }

        typing.CoordinatorTyped(found.Ticket.ConversationId, joined.Name);
        turns.Pulse(found.Ticket.ConversationId);
        return DeskOutcome.Ok;
    }

    private async Task<DeskResult<DeskChatView>> WriteAsync(
        StaffPrincipal user, string reference, string action, DeskEventKind kind, string? text, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, action, change: true, cancellationToken);
        if (found is null)
        {
            return new(outcome);
        }

        var conversation = await turns.ReadAsync(found.Ticket.ConversationId, cancellationToken);
        if (conversation is not { } c)
        {
            await audit.WriteAsync(user, action, reference, "gone", cancellationToken);
            return new(DeskOutcome.Conflict, null, GoneMessage);
        }

        var joined = c.State.Coordinator;
        var me = new DeskCoordinator(user.Id, user.Name, clock.GetUtcNow());
        DeskCoordinator by = me;
        if (joined is not null && joined.Id != user.Id)
        {
            // One coordinator writes at a time. An admin may end an abandoned chat, nothing more.
            if (kind == DeskEventKind.Handback && user.IsAdmin)
            {
                by = joined;
            }
            else
            {
                await audit.WriteAsync(user, action, reference, "conflict", cancellationToken, "joined " + joined.Name);
                return new(DeskOutcome.Conflict, null, $"相談員（{joined.Name}）がチャット中です。「ボットに戻す」まで、ほかの人は書き込めません。");
            }
        }

        if (kind == DeskEventKind.Handback && joined is null)
        {
            await audit.WriteAsync(user, action, reference, "conflict", cancellationToken);
            return new(DeskOutcome.Conflict, null, "このチャットには、いま相談員が入っていません。");
        }

        var ran = await turns.RunAsync(c.Record, new DeskEvent(kind, by, text), cancellationToken);
        if (ran is null)
        {
            await audit.WriteAsync(user, action, reference, "gone", cancellationToken);
            return new(DeskOutcome.Conflict, null, GoneMessage);
        }

        var done = ran.Status == TurnStatus.Ran && kind switch
        {
            DeskEventKind.Message => ran.Replies.Any(r => r.From?.Id == DeskTurns.DeskAccountId),
            // Joined already by this coordinator: nothing to say, and nothing wrong.
            DeskEventKind.Join => ran.Replies.Count > 0 || joined?.Id == user.Id,
            _ => ran.Replies.Count > 0,
        };
        if (!done)
        {
            // Another coordinator joined between the read and the turn (the core refused), or the
            // conversation stayed busy.
            await audit.WriteAsync(user, action, reference, "conflict", cancellationToken);
            return new(DeskOutcome.Conflict, null, ran.Status == TurnStatus.Busy
                ? "混み合っています。もう一度お試しください。"
                : "ほかの相談員が先にチャットに入りました。");
        }

        if (joined is null && kind is DeskEventKind.Message)
        {
            audit.Add(user, "chat-join", reference, AuditLog.Ok);
        }

        // The text is personal data: the audit says only how long it was.
        audit.Add(user, action, reference, AuditLog.Ok, text is null ? (by.Id != user.Id ? "for " + by.Name : null) : $"{text.Length}文字");
        await db.SaveChangesAsync(cancellationToken);
        if (c.State.WaitingForPersonSince is not null)
        {
            bell.Ring();
        }

        return new(DeskOutcome.Ok, await ViewAsync(user, found, long.MaxValue, cancellationToken));
    }

    private async Task<DeskChatView> ViewAsync(StaffPrincipal user, TicketCase found, long after, CancellationToken cancellationToken)
    {
        var id = found.Ticket.ConversationId;
        var conversation = await turns.ReadAsync(id, cancellationToken);
        if (conversation is not { } c)
        {
            return new DeskChatView(found.Ticket.ReferenceNumber, false, null, false, false, null, false, []);
        }

        var joined = c.State.Coordinator;
        var messages = after == long.MaxValue ? [] : await turns.MessagesAsync(id, after, cancellationToken);
        return new DeskChatView(
            found.Ticket.ReferenceNumber, true, joined?.Name, joined?.Id == user.Id,
            TicketDesk.CanChange(user, found) && (joined is null || joined.Id == user.Id),
            c.State.WaitingForPersonSince, typing.IsUserTyping(id), messages);
    }

    private async Task<(TicketCase? Case, DeskOutcome Outcome)> LoadAsync(StaffPrincipal user, string reference, string action, bool change, CancellationToken cancellationToken)
    {
        TicketCase? found = null;
        if (TicketQuery.IsReference(reference))
        {
            found = await db.TicketCases.AsNoTracking().Include(c => c.Ticket).SingleOrDefaultAsync(c => c.Ticket.ReferenceNumber == reference, cancellationToken);
        }

        if (found is null)
        {
            await audit.WriteAsync(user, action, reference, AuditLog.NotFound, cancellationToken);
            return (null, DeskOutcome.NotFound);
        }

        if (!(change ? TicketDesk.CanChange(user, found) : TicketDesk.CanRead(user, found)))
        {
            await audit.WriteAsync(user, action, reference, AuditLog.Denied, cancellationToken, found.OwnerName is null ? null : "owner " + found.OwnerName);
            return (null, DeskOutcome.Forbidden);
        }

        return (found, DeskOutcome.Ok);
    }
}
