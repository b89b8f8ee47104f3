namespace IntakeBot.Dialogs.Conversation;

/// <summary>A knowledge article an answer came from, for a 「詳しく」 link.</summary>
public sealed record ArticleLink(string ArticleId, string Title, string Source);
