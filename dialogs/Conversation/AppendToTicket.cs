namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// A message written after the intake was sent (「息子は糖尿病もあります」): the host adds it to
/// that ticket as a 追記 with its time, and marks the ticket for the coordinator, in the same
/// durable turn.
/// </summary>
/// <param name="Kind">The ticket of the case it belongs to (the intake).</param>
/// <param name="IntakeNumber">Which intake of the conversation.</param>
/// <param name="Text">What the person wrote, as written.</param>
/// <param name="At">When they wrote it.</param>
/// <param name="Reference">
/// The ticket by its reference number, for a conversation that came back to a case from another
/// device (<see cref="CaseLink"/>); null for this conversation's own ticket.
/// </param>
public sealed record AppendToTicket(TicketKind Kind, int IntakeNumber, string Text, DateTimeOffset At, string? Reference = null) : SideEffect;
