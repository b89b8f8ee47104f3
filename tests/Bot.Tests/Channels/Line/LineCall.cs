using System.Text.Json.Nodes;

namespace IntakeBot.Bot.Tests.Channels.Line;

/// <summary>One call the fake LINE Platform answered: which endpoint, for whom, what it carried and how it was answered.</summary>
public sealed record LineCall(string Endpoint, string? UserId, IReadOnlyList<JsonObject> Messages, string? RetryKey, int Status, DateTimeOffset At)
{
    public bool Accepted => Status is >= 200 and < 300;
}
