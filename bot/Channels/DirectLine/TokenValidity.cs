namespace IntakeBot.Bot.Channels.DirectLine;

/// <summary>The result of reading a token.</summary>
public enum TokenValidity
{
    Valid,
    Expired,
    Invalid,
}
