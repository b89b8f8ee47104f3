namespace IntakeBot.Bot.Tickets;

/// <summary>
/// The coordinators' side of a ticket (one row per <see cref="TicketRecord"/>): the columns the
/// queue sorts and filters on stay plain (priority, due date, 業務区分, flags, role, owner); the
/// asker's name is encrypted like the rest of the personal text.
/// </summary>
public sealed class TicketCase
{
    public long TicketId { get; set; }
    public TicketRecord Ticket { get; set; } = null!;
    /// <summary>0 = 緊急 … 3 = 低, so the queue sorts ascending.</summary>
    public int PriorityRank { get; set; }
    /// <summary>業務区分 number (1–4).</summary>
    public int Duty { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>Flag names between bars (<c>|Elderly|NoHousing|</c>), so one flag is a parameterised LIKE.</summary>
    public string Flags { get; set; } = "|";
    /// <summary>Who asked (AskerRole name), for the statistics; null when unknown.</summary>
    public string? Role { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    /// <summary>The asker's name, protected with Data Protection.</summary>
    public string? ProtectedName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the person last wrote a 追記 after sending (null: none); the queue marks it 追記あり.</summary>
    public DateTimeOffset? AddendumAt { get; set; }

    /// <summary>The 引き継ぎコード's salted hash (<see cref="CaseKeys"/>); null for tickets filed without one.</summary>
    public string? AttachCodeHash { get; set; }
    /// <summary>Wrong codes given for this ticket since the last right one or lock.</summary>
    public int AttachFailures { get; set; }
    /// <summary>No code is checked for this ticket before then (too many wrong ones).</summary>
    public DateTimeOffset? AttachBlockedUntil { get; set; }
    /// <summary>The conversation that came back to this case with its code, last; it may add 追記 and read replies.</summary>
    public string? AttachedConversationId { get; set; }

    /// <summary>
    /// The language model's three-line 要約 of the transcript (optional feature, off by default),
    /// protected with Data Protection; shown labelled as machine-made. Set once, by a conditional
    /// update, so two instances never store two.
    /// </summary>
    public string? ProtectedSummary { get; set; }
    public DateTimeOffset? SummaryAt { get; set; }
    /// <summary>How often a summary was tried; the worker gives up after a few.</summary>
    public int SummaryAttempts { get; set; }
    /// <summary>Not before then: an instance working on it, or waiting after a failure. Null: due.</summary>
    public DateTimeOffset? SummaryDueAt { get; set; }
}

/// <summary>One next step from the triage, ticked by a coordinator.</summary>
public sealed class TicketChecklistItem
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public TicketRecord Ticket { get; set; } = null!;
    public int Position { get; set; }
    public required string Text { get; set; }
    public string? DoneBy { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>A coordinator's note; the text is protected with Data Protection.</summary>
public sealed class TicketNote
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public long AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ProtectedText { get; set; }
}

/// <summary>The ticket's history: claims, releases, status changes, ticks (no personal text).</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public string? Detail { get; set; }
}
