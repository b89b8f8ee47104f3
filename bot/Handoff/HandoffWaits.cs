using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Handoff;

/// <summary>
/// Watches who waits for a coordinator (<c>conversations.WaitingForPersonSince</c>, so a restart
/// or another instance loses nothing): rings the desk when that changes, and after
/// <c>Center:HandoffWaitMinutes</c> without a coordinator runs the "nobody joined" turn, which
/// says so plainly, gives the hours and the phone, and asks how to reach the person. Two
/// instances may both try; the turn's optimistic concurrency and the core (which ignores the
/// event once nobody waits) keep it to one message.
/// </summary>
public sealed partial class HandoffWaits(
    DeskTurns turns,
    PeopleWaiting bell,
    Tickets.TicketDeskSignal desk,
    CenterProfile center,
    TimeProvider clock,
    ILogger<HandoffWaits> logger) : BackgroundService
{
    /// <summary>How often the waiting list is read: the desk's bell lags by at most this.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private string _lastSeen = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogLoopError(logger, ex.GetType().Name);
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
    }

    /// <summary>One look: ring if who waits changed, and tell those waited too long.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var waiting = await turns.WaitingConversationsAsync(cancellationToken);
        var seen = string.Join('\n', waiting.Select(w => w.Id));
        if (seen != _lastSeen)
        {
            _lastSeen = seen;
            bell.Ring();
            // The live queue re-reads at once (it may show who waits: DeskTurns.WaitingAsync).
            desk.Pulse();
        }

        var cutoff = clock.GetUtcNow() - TimeSpan.FromMinutes(Math.Max(1, center.HandoffWaitMinutes));
        foreach (var person in waiting.Where(w => w.Since <= cutoff))
        {
            if (await turns.ReadAsync(person.Id, cancellationToken) is { } conversation)
            {
                await turns.RunAsync(conversation.Record, new DeskEvent(DeskEventKind.NobodyJoined, null), cancellationToken);
                LogNobodyJoined(logger, person.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId}: nobody joined in time; the bot told the person and asks how to reach them")]
    private static partial void LogNobodyJoined(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff wait check failed ({Error}); retrying")]
    private static partial void LogLoopError(ILogger logger, string error);
}
