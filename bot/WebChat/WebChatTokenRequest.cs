namespace IntakeBot.Bot.WebChat;

/// <summary>The page's request for a token: empty for a new conversation, or the resume key it kept.</summary>
public sealed class WebChatTokenRequest
{
    public string? Resume { get; set; }
}
