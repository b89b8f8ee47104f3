using System.Security.Cryptography;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>Random ids for Direct Line conversations and users: unguessable, URL-safe.</summary>
public static class ConversationIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewConversationId() => RandomNumberGenerator.GetString(Alphabet, 24);

    public static string NewUserId() => "dl_" + RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>User ids a server-side caller may choose: short, no separators that could confuse ids.</summary>
    public static bool IsAcceptableUserId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':');
}
