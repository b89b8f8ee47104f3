namespace IntakeBot.Dialogs.Conversation;

/// <summary>The user refused consent or quit: delete what the host keeps about this conversation.</summary>
public sealed record DeleteConversationData : SideEffect;
