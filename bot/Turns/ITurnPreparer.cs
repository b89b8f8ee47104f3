using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Turns;

/// <summary>
/// Work a turn may need from slow services (a language model), done before the turn's transaction:
/// <see cref="TurnRunner"/> first runs the pure core on the input (the probe), then
/// asks the preparer, and if it returns a richer input (story facts, worded answers) runs the core
/// again on that. Never called while anything is held open; must not throw for a service failure.
/// </summary>
public interface ITurnPreparer
{
    /// <summary>A richer input for this turn, or null to keep the probe's result.</summary>
    Task<UserInput?> PrepareAsync(IntakeState saved, UserInput input, TurnResult probe, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The default: nothing to prepare, so a turn runs the core once, exactly as without a model.</summary>
public sealed class NoTurnPreparer : ITurnPreparer
{
    public Task<UserInput?> PrepareAsync(IntakeState saved, UserInput input, TurnResult probe, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<UserInput?>(null);
}
