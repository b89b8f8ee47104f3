namespace IntakeBot.Knowledge;

/// <summary>A suggested starter question for the FAQ menu and the article that answers it.</summary>
/// <param name="Question">The question text, shown on a button.</param>
/// <param name="ArticleId">The article that answers it.</param>
public sealed record FaqEntry(string Question, string ArticleId);
