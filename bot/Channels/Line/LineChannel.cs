using System.Globalization;

namespace IntakeBot.Bot.Channels.Line;

/// <summary>The LINE channel's id on conversations and how its conversation keys are made.</summary>
public static class LineChannel
{
    /// <summary><c>conversations.ChannelId</c> of a LINE conversation; TurnRunner queues LINE delivery by it.</summary>
    public const string Id = "line";

    /// <summary>
    /// One LINE user has one conversation at a time: the user's keyed hash and a generation that
    /// grows after a filed intake, 「最初から」 and unfollow.
    /// </summary>
    /// <summary>Whether a conversation key (a ticket's ConversationId) is a LINE conversation's; it stays readable after the conversation itself is deleted.</summary>
    public static bool IsLineConversation(string conversationKey) => conversationKey.StartsWith("line:", StringComparison.Ordinal);

    public static string ConversationKey(string userHash, int generation) =>
        string.Create(CultureInfo.InvariantCulture, $"line:{userHash}:{generation}");
}
