using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>One user talking to the bot over some channel: start, then send texts and get the bot's replies.</summary>
public interface IChat : IAsyncDisposable
{
    /// <summary>Opens the conversation and returns the welcome.</summary>
    Task<IReadOnlyList<Activity>> StartAsync();

    /// <summary>Sends a message and returns the bot's replies to it.</summary>
    Task<IReadOnlyList<Activity>> SendAsync(string text);
}
