namespace IntakeBot.Knowledge.Retrieval;

/// <summary>An index term: a character bigram (weight 1) or a kanji unigram (weight <see cref="NGramTokenizer.UnigramWeight"/>).</summary>
internal readonly record struct Term(string Text, double Weight);
