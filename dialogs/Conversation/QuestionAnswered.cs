namespace IntakeBot.Dialogs.Conversation;

/// <summary>A question a turn answered from the knowledge, and the answer given (null: 「わかりません」).</summary>
public sealed record QuestionAnswered(string Question, KnowledgeAnswer? Answer);
