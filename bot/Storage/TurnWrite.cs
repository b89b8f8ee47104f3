using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// The rows an ordinary turn writes: the conversation's new state (inserted, or updated only if
/// its stored Version is still <see cref="ExpectedVersion"/>), the new activities and the
/// processed-activity marker. As plain data it can be saved through EF Core or, in SQLite's group
/// commit, with prepared statements that keep the single writer's share of each turn small.
/// </summary>
public sealed class TurnWrite(ConversationRecord conversation, bool isNew, long expectedVersion)
{
    public ConversationRecord Conversation { get; } = conversation;

    public bool IsNew { get; } = isNew;

    public long ExpectedVersion { get; } = expectedVersion;

    public List<StoredActivity> Activities { get; } = [];

    public ProcessedActivity? Processed { get; set; }

    /// <summary>
    /// Hands the rows to EF Core, whose concurrency token on Version does the check. A
    /// conversation read in this context is tracked with its changes already; one known from
    /// the cache is attached as the row it is expected to be.
    /// </summary>
    public void AddTo(IntakeDbContext db)
    {
        if (IsNew)
        {
            db.Conversations.Add(Conversation);
        }
        else if (db.Entry(Conversation).State == EntityState.Detached)
        {
            var entry = db.Conversations.Attach(Conversation);
            entry.Property(c => c.Version).OriginalValue = ExpectedVersion;
            foreach (var changed in new[] { nameof(ConversationRecord.SealedState), nameof(ConversationRecord.Version), nameof(ConversationRecord.LastSequence), nameof(ConversationRecord.UpdatedAt),
                         nameof(ConversationRecord.ServiceUrl), nameof(ConversationRecord.WaitingForPersonSince) })
            {
                entry.Property(changed).IsModified = true;
            }
        }

        db.Activities.AddRange(Activities);
        if (Processed is not null)
        {
            db.ProcessedActivities.Add(Processed);
        }
    }
}
