namespace IntakeBot.Knowledge.Retrieval;

/// <summary>What kind of passage answers a question: the article may be right while its other sections are not.</summary>
internal enum AnswerFrame
{
    /// <summary>No particular kind (「〜とは」「〜できますか」).</summary>
    None,

    /// <summary>How long, until when (期間, どのくらい, いつまで, 何年): a passage with durations.</summary>
    Duration,

    /// <summary>How much (いくら, 費用, 単位数): a passage about amounts, fees or 無料.</summary>
    Amount,

    /// <summary>Which kinds (どんな, 種類, どのような): a passage that lists kinds.</summary>
    Kinds,

    /// <summary>Who (誰が, だれ, どこが): a passage that names who does it.</summary>
    Actor,

    /// <summary>Who qualifies (対象になる人, 対象者, 要件, 条件): the section about the target group or the requirements.</summary>
    Eligibility,
}
