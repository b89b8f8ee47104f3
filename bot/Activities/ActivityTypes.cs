namespace IntakeBot.Bot.Activities;

/// <summary>The <c>type</c> values of the Bot Framework schema that this bot reads or writes.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
}
