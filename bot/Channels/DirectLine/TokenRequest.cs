using IntakeBot.Bot.Activities;

namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>The optional body of <c>tokens/generate</c> and of a secret-authorised start: the user to bind.</summary>
public sealed class TokenRequest
{
    public ChannelAccount? User { get; set; }
}
