namespace IntakeBot.Load.Bench;

/// <summary>
/// What one human-mode user counted in the measured window. A coordinator message counts as sent
/// when the desk answered 201, and as delivered when the person's Direct Line poll brought it
/// (from the coordinator's name, the same text); loss = sent − delivered.
/// </summary>
public sealed class HumanModeCounters
{
    /// <summary>Human-mode conversations that reached the intake's reference number after the handback.</summary>
    public long Conversations { get; set; }
    public long CoordinatorSent { get; set; }
    public long CoordinatorDelivered { get; set; }
    /// <summary>The person's messages posted while the coordinator was in the chat (counted when the desk reads the ticket).</summary>
    public long UserMessages { get; set; }
    /// <summary>Of those, the ones GET /api/tickets/{reference} showed the desk.</summary>
    public long UserMessagesSeenByDesk { get; set; }
    public long Handbacks { get; set; }
    /// <summary>Handbacks after which the bot asked again the question the person was on.</summary>
    public long QuestionsAskedAgain { get; set; }
    /// <summary>From the desk's POST to the poll that brought the message to the person.</summary>
    public List<double> DeliveryMs { get; } = new(256);
}
