namespace IntakeBot.Knowledge.Retrieval;

/// <summary>
/// BM25F over character n-grams. Each document is one article section; its fields are the article title,
/// the section heading, the section body and the article keywords, each with its own weight.
/// Immutable after construction, so it is safe to search from many threads.
/// </summary>
internal sealed class SectionIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double TitleWeight = 1.5;
    private const double HeadingWeight = 2.0;
    private const double BodyWeight = 1.0;
    private const double KeywordWeight = 1.5;

    /// <summary>How much a hiragana-only term counts towards confidence, relative to its rarity.</summary>
    private const double KanaConfidenceWeight = 0.3;

    /// <summary>How much a term inside a question frame (「教えてください」) counts for ranking.</summary>
    private const double FrameRankWeight = 0.2;

    /// <summary>How much a hiragana-only term counts for ranking.</summary>
    private const double KanaRankWeight = 0.5;

    /// <summary>How much a section gains when the question's content is its heading.</summary>
    private const double WholeHeadingBoost = 1.2;

    /// <summary>Headings shorter than this many bigrams (「目的」) are too common to say what was asked.</summary>
    private const int MinHeadingTermsForBoost = 3;

    private readonly IndexedSection[] documents;
    private readonly Dictionary<string, (int Doc, double Tf)[]> postings;
    private readonly double[] lengthNorm;
    private readonly double unknownIdf;
    private readonly string[] foldedTexts;
    private readonly HashSet<string>[] headingTerms;

    public SectionIndex(IEnumerable<IndexedSection> sections)
    {
        documents = sections.ToArray();
        var perDoc = new Dictionary<string, double>[documents.Length];
        var lengths = new double[documents.Length];
        for (var d = 0; d < documents.Length; d++)
        {
            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            var (article, section) = documents[d];
            lengths[d] += AddField(tf, article.Title, TitleWeight);
            lengths[d] += AddField(tf, section.Heading, HeadingWeight);
            lengths[d] += AddField(tf, section.PlainText, BodyWeight);
            foreach (var keyword in article.Keywords)
            {
                lengths[d] += AddField(tf, keyword, KeywordWeight);
            }

            perDoc[d] = tf;
        }

        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        lengthNorm = lengths.Select(l => K1 * (1 - B + (B * l / average))).ToArray();
        postings = perDoc
            .SelectMany((tf, d) => tf.Select(p => (Term: p.Key, Doc: d, Tf: p.Value)))
            .GroupBy(p => p.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.Doc, p.Tf)).ToArray(), StringComparer.Ordinal);
        unknownIdf = Idf(0);
        foldedTexts = documents.Select(d => JapaneseFolding.Fold($"{d.Section.Heading}\n{d.Section.PlainText}")).ToArray();
        headingTerms = documents
            .Select(d => NGramTokenizer.Tokenize(JapaneseFolding.Fold(d.Section.Heading)).Where(t => t.Weight >= 1).Select(t => t.Text).ToHashSet(StringComparer.Ordinal))
            .ToArray();
    }

    /// <summary>True when the section at <paramref name="doc"/> (heading or body) holds an answer of <paramref name="frame"/>.</summary>
    public bool Holds(int doc, AnswerFrame frame) => AnswerFrames.Holds(frame, foldedTexts[doc]);

    /// <summary>For tuning: each query term with its ranking weight, confidence evidence and matching documents.</summary>
    public IEnumerable<string> Explain(string foldedQuery)
    {
        var contentTerms = NGramTokenizer.Tokenize(QuestionFrames.Strip(foldedQuery)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var term in NGramTokenizer.Tokenize(foldedQuery).DistinctBy(t => t.Text))
        {
            var known = postings.TryGetValue(term.Text, out var list);
            var idf = known ? Idf(list!.Length) : unknownIdf;
            yield return $"{term.Text} w={term.Weight} idf={idf:F2} content={contentTerms.Contains(term.Text)} docs={(known ? string.Join(",", list!.Select(p => documents[p.Doc].Article.Id).Distinct().Take(6)) : "-")}";
        }
    }

    /// <summary>Number of indexed sections.</summary>
    public int Count => documents.Length;

    /// <summary>The indexed section at <paramref name="doc"/>.</summary>
    public IndexedSection this[int doc] => documents[doc];

    /// <summary>Scores every section that shares a term with the query; returns (doc, score, confidence).</summary>
    public List<(int Doc, double Score, double Confidence)> Score(string foldedQuery)
    {
        var queryTerms = NGramTokenizer.Tokenize(foldedQuery)
            .GroupBy(t => t.Text, StringComparer.Ordinal)
            .Select(g => (Text: g.Key, g.First().Weight))
            .ToArray();
        var contentTerms = NGramTokenizer.Tokenize(QuestionFrames.Strip(foldedQuery))
            .Select(t => t.Text)
            .ToHashSet(StringComparer.Ordinal);
        var scores = new double[documents.Length];
        var covered = new double[documents.Length];
        var totalEvidence = 0.0;
        foreach (var (text, weight) in queryTerms)
        {
            var known = postings.TryGetValue(text, out var list);
            var idf = known ? Idf(list!.Length) : unknownIdf;
            var evidence = !contentTerms.Contains(text) ? 0
                : weight * idf * (NGramTokenizer.IsKanaOnly(text) ? KanaConfidenceWeight : 1.0);
            totalEvidence += evidence;
            if (!known)
            {
                continue;
            }

            var rankWeight = weight
                * (contentTerms.Contains(text) ? 1.0 : FrameRankWeight)
                * (NGramTokenizer.IsKanaOnly(text) ? KanaRankWeight : 1.0);
            foreach (var (doc, tf) in list!)
            {
                scores[doc] += rankWeight * idf * (tf * (K1 + 1)) / (tf + lengthNorm[doc]);
                covered[doc] += evidence;
            }
        }

        var queryBigrams = queryTerms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var contentBigrams = NGramTokenizer.Tokenize(QuestionFrames.Strip(foldedQuery))
            .Where(t => t.Weight >= 1 && !NGramTokenizer.IsKanaOnly(t.Text))
            .Select(t => t.Text)
            .ToHashSet(StringComparer.Ordinal);
        var results = new List<(int, double, double)>();
        for (var d = 0; d < documents.Length; d++)
        {
            if (scores[d] > 0)
            {
                // A section whose heading is what the question asks, no more and no less (「入院の期間は」 and 「入院の期間」),
                // was asked for, rather than a longer heading that merely contains it (「鑑定入院の期間」).
                var boost = headingTerms[d].Count >= MinHeadingTermsForBoost
                            && headingTerms[d].IsSubsetOf(queryBigrams)
                            && contentBigrams.IsSubsetOf(headingTerms[d])
                    ? WholeHeadingBoost
                    : 1.0;
                results.Add((d, scores[d] * boost, totalEvidence > 0 ? covered[d] / totalEvidence : 0));
            }
        }

        return results;
    }

    private static double AddField(Dictionary<string, double> tf, string text, double fieldWeight)
    {
        var length = 0.0;
        foreach (var term in NGramTokenizer.Tokenize(JapaneseFolding.Fold(text)))
        {
            var add = term.Weight * fieldWeight;
            tf[term.Text] = tf.GetValueOrDefault(term.Text) + add;
            length += add;
        }

        return length;
    }

    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((documents.Length - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}
