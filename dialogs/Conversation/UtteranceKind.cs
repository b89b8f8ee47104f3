namespace IntakeBot.Dialogs.Conversation;

/// <summary>What a message is, judged by what it says rather than by its punctuation.</summary>
public enum UtteranceKind
{
    /// <summary>An answer to the bot's question, or anything that is neither asked nor told (「母です」「72歳」「わからない」).</summary>
    Answer,

    /// <summary>A question to the center, with or without 「？」 (「加算の対象になる人は」「フェイスシートって何」).</summary>
    Question,

    /// <summary>A longer account of what happened, with no question in it (「息子が逮捕されました…」).</summary>
    Story,

    /// <summary>One of the words that work at every step (「戻る」「やめる」「人と話したい」).</summary>
    Command,

    /// <summary>A question or request that names nothing the center or its knowledge is about (「ラーメンのおいしい店を教えて」).</summary>
    OutOfScope,
}
