namespace IntakeBot.Knowledge.Retrieval;

/// <summary>
/// Question frames and politeness (「教えてください」「ってなに」「でしょうか」) that say a question is being asked but
/// not what it is about. They still rank (「いつまで」 helps find a duration), but they do not count as evidence
/// when judging whether the knowledge base covers the question, so a polite question is not judged less
/// answerable than a terse one.
/// </summary>
internal static class QuestionFrames
{
    // Script-folded at start-up; longest first so 「教えてください」 wins over 「教えて」.
    private static readonly string[] Frames = new[]
    {
        "教えてください", "教えて下さい", "おしえてください", "教えてほしい", "教えて", "おしえて",
        "ご教示ください", "ご教示", "お示しください", "ご確認ください", "確認させてください",
        "知りたいです", "知りたい", "しりたい", "お願いします", "お願いできますか", "おねがい",
        "でしょうか", "ですか", "ますか", "ませんか", "ません", "ください", "下さい", "ほしい",
        "について", "とは", "ってなに", "って何", "ってなん", "って", "なんですか", "何ですか", "なに", "何",
        "どのくらい", "どれくらい", "どのぐらい", "どれぐらい", "続きますか", "続く", "かかりますか", "かかる",
        "ところ", "どんな", "どのような", "どのように", "どういう", "どう", "どうなる", "どうすればいい", "どうしたらいい",
        "できる", "できます", "もらえる", "もらえます", "くれる", "くれます", "いただけ", "いいですか", "いい",
        "あります", "ある", "いる", "です", "ます", "ました", "でした", "したい", "する", "して", "される", "された",
        "の", "は", "が", "を", "に", "で", "と", "も", "か", "ね", "よ", "な", "？", "?", "。", "、",
    }.Select(JapaneseFolding.FoldScript).Distinct().OrderByDescending(f => f.Length).ToArray();

    /// <summary>The folded query with every frame replaced by a space.</summary>
    public static string Strip(string foldedQuery)
    {
        var chars = foldedQuery.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            var frame = Frames.FirstOrDefault(f => string.CompareOrdinal(foldedQuery, i, f, 0, f.Length) == 0);
            if (frame is null)
            {
                i++;
                continue;
            }

            Array.Fill(chars, ' ', i, frame.Length);
            i += frame.Length;
        }

        return new string(chars);
    }
}
