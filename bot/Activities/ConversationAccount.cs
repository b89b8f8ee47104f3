namespace IntakeBot.Bot.Activities;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
}
