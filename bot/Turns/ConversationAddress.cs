using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Turns;

/// <summary>Who talks in a conversation and on which channel: what every outgoing activity is addressed with.</summary>
/// <param name="Key">Storage key of the conversation.</param>
/// <param name="ExternalId">The conversation id the channel uses; activity ids start with it.</param>
/// <param name="ChannelId">The Bot Framework channel id (<c>directline</c>, <c>test</c>, …).</param>
/// <param name="Bot">The bot's account (role bot).</param>
/// <param name="User">The user's account (role user).</param>
/// <param name="ServiceUrl">Where a Bot Connector channel takes replies; null for Direct Line.</param>
public sealed record ConversationAddress(
    string Key,
    string ExternalId,
    string ChannelId,
    ChannelAccount Bot,
    ChannelAccount User,
    string? ServiceUrl);
