using System.Diagnostics.Metrics;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// Numbers a turn expects its tickets to get (<see cref="TicketNumbers.Guess"/>). Counted as
/// taken for other guesses until settled: by <see cref="Matches"/> once the commit took the real
/// numbers, or by disposing when the turn gave up; settling twice is harmless.
/// </summary>
public sealed class TicketNumberGuess(TicketNumbers numbers, int first, int count) : IDisposable
{
    private static readonly Meter Meter = new(Storage.TurnCommitter.MeterName);
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("intakebot.storage.ticket_number_guesses", "{guess}", "Ticket numbers guessed before the commit, by whether the commit gave them");

    private int _settled;

    public int First { get; } = first;

    public int Count { get; } = count;

    /// <summary>Whether the commit gave the guessed numbers; settles the guess.</summary>
    public bool Matches(ReadOnlySpan<int> taken)
    {
        var right = taken.Length == Count;
        for (var i = 0; right && i < taken.Length; i++)
        {
            right = taken[i] == First + i;
        }

        Dispose();
        Outcomes.Add(1, new KeyValuePair<string, object?>("outcome", right ? "right" : "wrong"));
        return right;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            numbers.Settle(Count);
        }
    }
}
