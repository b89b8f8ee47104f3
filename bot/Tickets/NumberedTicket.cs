namespace IntakeBot.Bot.Tickets;

/// <summary>What names a ticket's number, prepared by <see cref="TicketWriter.Number"/>.</summary>
public sealed record NumberedTicket(int YearSequence, string ReferenceNumber, string SealedTranscript);
