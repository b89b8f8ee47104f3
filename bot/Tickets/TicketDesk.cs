using IntakeBot.Bot.Audit;
using IntakeBot.Bot.Staff;
using IntakeBot.Bot.Storage;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tickets;

public enum DeskOutcome
{
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

public sealed record DeskResult<T>(DeskOutcome Outcome, T? Value = default, string? Message = null);

public sealed record TicketRow(
    long Id,
    string Reference,
    string Kind,
    string Status,
    int PriorityRank,
    int Duty,
    DateOnly DueDate,
    IReadOnlyList<TriageFlag> Flags,
    string? Role,
    string? Owner,
    string? Name,
    bool Readable,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AddendumAt = null,
    int CaseTickets = 1,
    string Channel = "Web");

/// <summary>Another ticket of the same case (the crisis, handoff and intake tickets of one conversation's intake).</summary>
public sealed record CaseTicketView(string Reference, string Kind, int PriorityRank, DateTimeOffset CreatedAt);

/// <summary>A 追記: what the person wrote after sending, with its time.</summary>
public sealed record AddendumView(DateTimeOffset At, string Text);

public sealed record NoteView(long Id, string Author, DateTimeOffset At, string Text);

public sealed record TicketDetail(
    TicketRow Row,
    IntakeRecord Record,
    TriageResult Triage,
    IReadOnlyList<TranscriptEntry> Transcript,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<TicketChecklistItem> Checklist,
    IReadOnlyList<TicketEvent> History,
    bool CanChange,
    bool Anonymised,
    string? MachineSummary = null,
    IReadOnlyList<CaseTicketView>? CaseTickets = null,
    IReadOnlyList<AddendumView>? Addenda = null)
{
    /// <summary>The other tickets of this ticket's case, oldest first.</summary>
    public IReadOnlyList<CaseTicketView> SameCase => CaseTickets ?? [];

    /// <summary>The 追記 on this ticket, oldest first.</summary>
    public IReadOnlyList<AddendumView> Additions => Addenda ?? [];

    /// <summary>What the ticket page and the API say in place of an anonymised ticket's personal data.</summary>
    public const string AnonymisedNotice = "保存期間が過ぎたため個人情報を削除しました";
}

/// <summary>
/// The coordinators' operations on tickets, shared by the dashboard pages and the JSON API, with
/// one access rule: admins see and change everything; a coordinator sees the tickets nobody owns
/// and their own, and changes only their own. Every read, change and refused attempt is audited.
/// Claiming is one conditional UPDATE (<c>WHERE OwnerId IS NULL</c>), so of any number of
/// simultaneous claims exactly one wins.
/// </summary>
public sealed class TicketDesk(IntakeDbContext db, TicketProtector protector, AuditLog audit, TimeProvider clock, TicketDeskSignal signal, Handoff.DeskTurns chats)
{
    public const int MaxNoteLength = 4000;

    public static bool CanRead(StaffPrincipal user, TicketCase c) => user.IsAdmin || c.OwnerId is null || c.OwnerId == user.Id;

    public static bool CanChange(StaffPrincipal user, TicketCase c) => user.IsAdmin || (c.OwnerId is { } owner && owner == user.Id);

    /// <summary>
    /// The tickets a reminder is about: not closed, due today or before (for 業務2 the due date is
    /// the follow-up date; the intake records no other). The desk lists them first, the reminder
    /// job announces each once.
    /// </summary>
    public static IQueryable<TicketCase> DueBy(IQueryable<TicketCase> cases, DateOnly today) =>
        cases.Where(c => c.Ticket.Status != TicketStatuses.Closed && c.DueDate <= today);

    /// <summary>Reminders for the queue's top, most overdue first; a row without access shows only its number.</summary>
    public async Task<List<TicketRow>> RemindersAsync(StaffPrincipal user, DateOnly today, CancellationToken cancellationToken)
    {
        var due = await DueBy(db.TicketCases.AsNoTracking().Include(c => c.Ticket), today)
            .OrderBy(c => c.DueDate).ThenBy(c => c.PriorityRank).ThenBy(c => c.TicketId)
            .Take(200).ToListAsync(cancellationToken);
        return [.. due.Select(c => Row(user, c))];
    }

    public async Task<List<TicketRow>> ListAsync(StaffPrincipal user, TicketQuery query, CancellationToken cancellationToken)
    {
        IQueryable<TicketCase> cases = db.TicketCases.AsNoTracking().Include(c => c.Ticket);
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Ticket.Status == status);
        }

        if (query.Duty is { } duty)
        {
            cases = cases.Where(c => c.Duty == duty);
        }

        if (query.Flag is { } flag)
        {
            var token = "|" + flag + "|";
            cases = cases.Where(c => c.Flags.Contains(token));
        }

        cases = query.Owner switch
        {
            null => cases,
            TicketQuery.OwnerMe => cases.Where(c => c.OwnerId == user.Id),
            TicketQuery.OwnerNone => cases.Where(c => c.OwnerId == null),
            var name => cases.Where(c => c.OwnerName == name),
        };

        cases = query.Sort switch
        {
            TicketQuery.SortDue => cases.OrderBy(c => c.DueDate).ThenBy(c => c.PriorityRank).ThenBy(c => c.TicketId),
            TicketQuery.SortCreated => cases.OrderByDescending(c => c.TicketId),
            _ => cases.OrderBy(c => c.PriorityRank).ThenBy(c => c.DueDate).ThenBy(c => c.TicketId),
        };

        var listed = await cases.Take(2000).ToListAsync(cancellationToken);
        // The case marker: how many tickets of the list share a case (conversation and intake number).
        var caseSizes = listed.GroupBy(c => (c.Ticket.ConversationId, c.Ticket.IntakeNumber)).ToDictionary(g => g.Key, g => g.Count());
        var rows = listed.Select(c => Row(user, c) with { CaseTickets = caseSizes[(c.Ticket.ConversationId, c.Ticket.IntakeNumber)] });
        if (query.Text is { } text)
        {
            rows = rows.Where(r => r.Reference.Contains(text, StringComparison.OrdinalIgnoreCase)
                                   || (r.Name?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        return [.. rows];
    }

    private TicketRow Row(StaffPrincipal user, TicketCase c)
    {
        var readable = CanRead(user, c);
        return new TicketRow(
            c.TicketId, c.Ticket.ReferenceNumber, c.Ticket.Kind, c.Ticket.Status, c.PriorityRank, c.Duty, c.DueDate,
            [.. TicketLabels.Flags(c.Flags)], c.Role, c.OwnerName,
            readable && c.ProtectedName is { } name ? protector.Unprotect(name) : null,
            readable, c.Ticket.CreatedAt, c.AddendumAt, Channel: TicketLabels.Channel(c.Ticket.ConversationId));
    }

    private async Task<(TicketCase? Case, DeskOutcome Outcome)> LoadAsync(StaffPrincipal user, string reference, string action, bool change, CancellationToken cancellationToken)
    {
        TicketCase? found = null;
        if (TicketQuery.IsReference(reference))
        {
            found = await db.TicketCases.Include(c => c.Ticket).SingleOrDefaultAsync(c => c.Ticket.ReferenceNumber == reference, cancellationToken);
        }

        if (found is null)
        {
            await audit.WriteAsync(user, action, reference, AuditLog.NotFound, cancellationToken);
            return (null, DeskOutcome.NotFound);
        }

        if (!(change ? CanChange(user, found) : CanRead(user, found)))
        {
            await audit.WriteAsync(user, action, reference, AuditLog.Denied, cancellationToken, found.OwnerName is null ? null : "owner " + found.OwnerName);
            return (null, DeskOutcome.Forbidden);
        }

        return (found, DeskOutcome.Ok);
    }

    public async Task<DeskResult<TicketDetail>> GetAsync(StaffPrincipal user, string reference, string action, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, action, change: false, cancellationToken);
        if (found is null)
        {
            return new(outcome);
        }

        audit.Add(user, action, reference, AuditLog.Ok);
        await db.SaveChangesAsync(cancellationToken);
        return new(DeskOutcome.Ok, await DetailAsync(user, found, cancellationToken));
    }

    private async Task<TicketDetail> DetailAsync(StaffPrincipal user, TicketCase found, CancellationToken cancellationToken)
    {
        var id = found.TicketId;
        var notes = await db.TicketNotes.AsNoTracking().Where(n => n.TicketId == id).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var checklist = await db.TicketChecklist.AsNoTracking().Where(i => i.TicketId == id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var history = await db.TicketEvents.AsNoTracking().Where(v => v.TicketId == id).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var anonymised = found.Ticket.IsAnonymised;
        var (conversationId, intakeNumber) = (found.Ticket.ConversationId, found.Ticket.IntakeNumber);
        var sameCase = await db.TicketCases.AsNoTracking()
            .Where(c => c.Ticket.ConversationId == conversationId && c.Ticket.IntakeNumber == intakeNumber && c.TicketId != id)
            .OrderBy(c => c.TicketId)
            .Select(c => new { c.Ticket.ReferenceNumber, c.Ticket.Kind, c.PriorityRank, c.Ticket.CreatedAt })
            .ToListAsync(cancellationToken);
        var addenda = anonymised
            ? []
            : await db.TicketAddenda.AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return new TicketDetail(
            Row(user, found),
            anonymised ? new IntakeRecord() : TicketIntake.Read<IntakeRecord>(protector, found.Ticket.RecordJson),
            anonymised
                ? new TriageResult((Duty)found.Duty, (Priority)found.PriorityRank, found.DueDate, [.. TicketLabels.Flags(found.Flags)], [], [])
                : TicketIntake.Read<TriageResult>(protector, found.Ticket.TriageJson),
            anonymised ? [] : TicketIntake.Read<List<TranscriptEntry>>(protector, found.Ticket.TranscriptJson),
            [.. notes.Select(n => new NoteView(n.Id, n.AuthorName, n.At, protector.Unprotect(n.ProtectedText)))],
            checklist,
            history,
            CanChange(user, found),
            anonymised,
            found.ProtectedSummary is { } summary ? protector.Unprotect(summary) : null,
            [.. sameCase.Select(c => new CaseTicketView(c.ReferenceNumber, c.Kind, c.PriorityRank, c.CreatedAt))],
            [.. addenda.Select(a => new AddendumView(a.At, protector.Unprotect(a.ProtectedText)))]);
    }

    public async Task<DeskResult<string>> ClaimAsync(StaffPrincipal user, string reference, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, "claim", change: false, cancellationToken);
        if (found is null)
        {
            // Taken already: refused (and audited) like any other colleague's ticket, but the
            // answer says who has it, as the queue does.
            var owner = outcome == DeskOutcome.Forbidden
                ? await db.TicketCases.AsNoTracking().Where(c => c.Ticket.ReferenceNumber == reference).Select(c => c.OwnerName).SingleOrDefaultAsync(cancellationToken)
                : null;
            return new(outcome, owner, owner is null ? null : $"この相談票は {owner} さんが担当しています。");
        }

        var now = clock.GetUtcNow();
        var id = found.TicketId;
        var won = await db.TicketCases
            .Where(c => c.TicketId == id && c.OwnerId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, user.Id).SetProperty(c => c.OwnerName, user.Name)
                .SetProperty(c => c.ClaimedAt, now).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (won == 0)
        {
            var owner = await db.TicketCases.AsNoTracking().Where(c => c.TicketId == id).Select(c => c.OwnerName).SingleAsync(cancellationToken);
            await audit.WriteAsync(user, "claim", reference, "conflict", cancellationToken, "owner " + owner);
            return new(DeskOutcome.Conflict, owner, $"この相談票は {owner} さんが担当しています。");
        }

        db.TicketEvents.Add(new TicketEvent { TicketId = id, At = now, Actor = user.Name, Kind = "claim" });
        var moved = await db.Tickets.Where(t => t.Id == id && t.Status == TicketStatuses.New)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatuses.InProgress), cancellationToken);
        if (moved == 1)
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = id, At = now, Actor = user.Name, Kind = "status", FromStatus = TicketStatuses.New, ToStatus = TicketStatuses.InProgress });
        }

        audit.Add(user, "claim", reference, AuditLog.Ok);
        await db.SaveChangesAsync(cancellationToken);
        signal.Pulse();
        return new(DeskOutcome.Ok, user.Name);
    }

    public async Task<DeskResult<string>> ReleaseAsync(StaffPrincipal user, string reference, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, "release", change: true, cancellationToken);
        if (found is null)
        {
            return new(outcome);
        }

        var now = clock.GetUtcNow();
        var id = found.TicketId;
        var owner = found.OwnerId;
        var released = await db.TicketCases.Where(c => c.TicketId == id && c.OwnerId == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, (long?)null).SetProperty(c => c.OwnerName, (string?)null)
                .SetProperty(c => c.ClaimedAt, (DateTimeOffset?)null).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (released == 0 || owner is null)
        {
            await audit.WriteAsync(user, "release", reference, "conflict", cancellationToken);
            return new(DeskOutcome.Conflict, null, "担当者が変わったため、担当を外せませんでした。");
        }

        db.TicketEvents.Add(new TicketEvent { TicketId = id, At = now, Actor = user.Name, Kind = "release", Detail = found.OwnerName });
        audit.Add(user, "release", reference, AuditLog.Ok);
        await db.SaveChangesAsync(cancellationToken);
        signal.Pulse();
        return new(DeskOutcome.Ok);
    }

    public async Task<DeskResult<string>> ChangeStatusAsync(StaffPrincipal user, string reference, string to, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, "status", change: true, cancellationToken);
        if (found is null)
        {
            return new(outcome);
        }

        var from = found.Ticket.Status;
        if (!TicketStatuses.IsKnown(to) || !TicketStatuses.CanMove(from, to))
        {
            await audit.WriteAsync(user, "status", reference, "invalid", cancellationToken, TicketStatuses.IsKnown(to) ? $"{from}→{to}" : null);
            return new(DeskOutcome.Invalid, null, $"「{from}」からその状態には変更できません。");
        }

        var id = found.TicketId;
        var now = clock.GetUtcNow();
        var moved = await db.Tickets.Where(t => t.Id == id && t.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, to), cancellationToken);
        if (moved == 0)
        {
            await audit.WriteAsync(user, "status", reference, "conflict", cancellationToken);
            return new(DeskOutcome.Conflict, null, "ほかの人が先に状態を変更しました。");
        }

        db.TicketEvents.Add(new TicketEvent { TicketId = id, At = now, Actor = user.Name, Kind = "status", FromStatus = from, ToStatus = to });
        audit.Add(user, "status", reference, AuditLog.Ok, $"{from}→{to}");
        await db.SaveChangesAsync(cancellationToken);
        signal.Pulse();
        if (to == TicketStatuses.Closed)
        {
            await HandBackOnCloseAsync(user, found.Ticket.ConversationId, reference, cancellationToken);
        }

        return new(DeskOutcome.Ok, to);
    }

    /// <summary>Closing the case ends a coordinator's chat in it: the bot resumes at the question it was on.</summary>
    private async Task HandBackOnCloseAsync(StaffPrincipal user, string conversationId, string reference, CancellationToken cancellationToken)
    {
        if (await chats.ReadAsync(conversationId, cancellationToken) is { State.Coordinator: { } joined } conversation)
        {
            await chats.RunAsync(conversation.Record, new DeskEvent(DeskEventKind.Handback, joined), cancellationToken);
            await audit.WriteAsync(user, "chat-handback", reference, AuditLog.Ok, cancellationToken, "closed");
        }
    }

    public async Task<DeskResult<long>> AddNoteAsync(StaffPrincipal user, string reference, string text, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, "note", change: true, cancellationToken);
        if (found is null)
        {
            return new(outcome);
        }

        if (found.Ticket.IsAnonymised)
        {
            // Retention erased this ticket's personal data; a note would bring some back.
            await audit.WriteAsync(user, "note", reference, "invalid", cancellationToken, "anonymised");
            return new(DeskOutcome.Invalid, 0, TicketDetail.AnonymisedNotice + "。メモは追加できません。");
        }

        text = text.Trim();
        if (text.Length is 0 or > MaxNoteLength)
        {
            await audit.WriteAsync(user, "note", reference, "invalid", cancellationToken);
            return new(DeskOutcome.Invalid, 0, $"メモは1〜{MaxNoteLength}文字で書いてください。");
        }

        var note = new TicketNote
        {
            TicketId = found.TicketId,
            AuthorId = user.Id,
            AuthorName = user.Name,
            At = clock.GetUtcNow(),
            ProtectedText = protector.Protect(text),
        };
        db.TicketNotes.Add(note);
        audit.Add(user, "note", reference, AuditLog.Ok);
        await db.SaveChangesAsync(cancellationToken);
        signal.Pulse();
        return new(DeskOutcome.Ok, note.Id);
    }

    public async Task<DeskResult<bool>> TickAsync(StaffPrincipal user, string reference, long itemId, bool done, CancellationToken cancellationToken)
    {
        var (found, outcome) = await LoadAsync(user, reference, "checklist", change: true, cancellationToken);
        if (found is null)
        {
            return new(outcome);
        }

        var item = await db.TicketChecklist.SingleOrDefaultAsync(i => i.Id == itemId && i.TicketId == found.TicketId, cancellationToken);
        if (item is null)
        {
            await audit.WriteAsync(user, "checklist", reference, AuditLog.NotFound, cancellationToken);
            return new(DeskOutcome.NotFound);
        }

        var now = clock.GetUtcNow();
        item.DoneBy = done ? user.Name : null;
        item.DoneAt = done ? now : null;
        db.TicketEvents.Add(new TicketEvent { TicketId = found.TicketId, At = now, Actor = user.Name, Kind = done ? "tick" : "untick", Detail = item.Text.Length > 60 ? item.Text[..60] : item.Text });
        audit.Add(user, "checklist", reference, AuditLog.Ok, done ? "tick" : "untick");
        await db.SaveChangesAsync(cancellationToken);
        signal.Pulse();
        return new(DeskOutcome.Ok, done);
    }

    /// <summary>The tickets the user may read, as rows with the details the CSV needs.</summary>
    public async Task<List<TicketDetail>> ExportAsync(StaffPrincipal user, TicketQuery query, CancellationToken cancellationToken)
    {
        var rows = (await ListAsync(user, query, cancellationToken)).Where(r => r.Readable).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var cases = await db.TicketCases.AsNoTracking().Include(c => c.Ticket).Where(c => ids.Contains(c.TicketId)).ToDictionaryAsync(c => c.TicketId, cancellationToken);
        var details = new List<TicketDetail>();
        foreach (var row in rows)
        {
            details.Add(await DetailAsync(user, cases[row.Id], cancellationToken));
        }

        audit.Add(user, "export", null, AuditLog.Ok, $"{details.Count} tickets");
        await db.SaveChangesAsync(cancellationToken);
        return details;
    }

    /// <summary>
    /// One row per case, not per ticket: the crisis, handoff and intake tickets of one
    /// conversation's intake are one person's consultation. The intake ticket, when there is one,
    /// says what the case is (業務区分, who asked); the case counts from its first ticket.
    /// </summary>
    public async Task<List<(int Duty, string? Role, DateTimeOffset CreatedAt, string Kind)>> StatsRowsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.TicketCases.AsNoTracking()
            .Select(c => new { c.TicketId, c.Duty, c.Role, c.Ticket.CreatedAt, c.Ticket.Kind, c.Ticket.ConversationId, c.Ticket.IntakeNumber })
            .ToListAsync(cancellationToken);
        var intake = nameof(TicketKind.Intake);
        return
        [
            .. rows.GroupBy(r => (r.ConversationId, r.IntakeNumber)).Select(g =>
            {
                var main = g.FirstOrDefault(r => r.Kind == intake) ?? g.MinBy(r => r.TicketId)!;
                return (main.Duty, main.Role, g.Min(r => r.CreatedAt), main.Kind);
            }),
        ];
    }

    /// <summary>How many tickets there are (a case may have several).</summary>
    /// <summary>The conversation a ticket came from.</summary>
    public Task<string?> ConversationIdAsync(long ticketId, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => (string?)t.ConversationId).SingleOrDefaultAsync(cancellationToken);

    public Task<int> TicketCountAsync(CancellationToken cancellationToken) => db.TicketCases.CountAsync(cancellationToken);
}
