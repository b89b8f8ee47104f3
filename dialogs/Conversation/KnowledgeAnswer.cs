namespace IntakeBot.Dialogs.Conversation;

/// <summary>A short answer taken from a knowledge article.</summary>
/// <param name="Text">The excerpt shown in the chat.</param>
/// <param name="Article">Where it came from (the 「詳しく」 link).</param>
/// <param name="AlsoFrom">Further articles the text was written from, named as sources too.</param>
public sealed record KnowledgeAnswer(string Text, ArticleLink Article, IReadOnlyList<ArticleLink>? AlsoFrom = null)
{
    /// <summary>The titles of every article the answer comes from, the linked one first.</summary>
    public IReadOnlyList<string> SourceTitles =>
        [.. new[] { Article }.Concat(AlsoFrom ?? []).Select(a => a.Title).Distinct(StringComparer.Ordinal)];
}
