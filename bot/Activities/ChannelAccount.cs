namespace IntakeBot.Bot.Activities;

/// <summary>A participant (user or bot) of a conversation.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    /// <summary><c>user</c> or <c>bot</c>; Web Chat shows a message as the bot's only when this is <c>bot</c>.</summary>
    public string? Role { get; set; }
}
