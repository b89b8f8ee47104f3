using IntakeBot.Bot.Activities;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Turns;

/// <summary>One incoming thing to run a turn for.</summary>
/// <param name="Address">The conversation.</param>
/// <param name="Input">What the conversation core gets.</param>
/// <param name="UserActivity">The user's activity, stored in the stream before the replies (null when the conversation starts).</param>
/// <param name="IncomingId">Deduplication key: the activity id, or Web Chat's clientActivityID; null when there is none.</param>
/// <param name="AssignUserActivityId">Direct Line gives user activities ids of its own; Bot Connector channels bring theirs.</param>
/// <param name="CreateIfMissing">Start the conversation if it is not stored yet (otherwise: unknown conversation).</param>
/// <param name="DeliverToServiceUrl">Post the replies to the address's serviceUrl after commit (via the outbox).</param>
public sealed record TurnRequest(
    ConversationAddress Address,
    UserInput Input,
    Activity? UserActivity,
    string? IncomingId,
    bool AssignUserActivityId,
    bool CreateIfMissing,
    bool DeliverToServiceUrl);
