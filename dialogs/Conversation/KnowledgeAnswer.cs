namespace IntakeBot.Dialogs.Conversation;

/// <summary>A short answer taken from a knowledge article.</summary>
/// <param name="Text">The excerpt shown in the chat.</param>
/// <param name="Article">Where it came from.</param>
public sealed record KnowledgeAnswer(string Text, ArticleLink Article);
