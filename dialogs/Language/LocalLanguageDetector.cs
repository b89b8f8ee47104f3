using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// The offline <see cref="ILanguageDetector"/> for ja, en, zh, ko, vi, pt, es and tl: first by
/// script (kana is Japanese, Hangul Korean), then Chinese against kanji-only Japanese by
/// characters Japanese does not use, then Latin-script languages by their common words and
/// Vietnamese letters. Anything it cannot tell (「OK」, digits, emoji, one word) is Japanese.
/// </summary>
public sealed partial class LocalLanguageDetector : ILanguageDetector
{
    // A long message in Latin letters that matches none of the word lists (French, Indonesian…)
    // gets the English notice rather than Japanese replies its writer cannot read.
    private const int WordsForUnknownLatinLanguage = 6;
    private const double UnknownLatinLanguageConfidence = 0.3;

    /// <summary>Detects synchronously; no I/O is involved.</summary>
    public DetectedLanguage Detect(string? text)
    {
        var normalized = JapaneseText.Normalize(text);
        normalized = UrlOrEmail().Replace(normalized, " ");

        int kana = 0, han = 0, hangul = 0, chineseOnly = 0, chineseFunction = 0, vietnameseLetters = 0;
        foreach (var c in normalized)
        {
            if (IsKana(c))
            {
                kana++;
            }
            else if (IsHangul(c))
            {
                hangul++;
            }
            else if (IsHan(c))
            {
                han++;
                chineseOnly += CommonWords.ChineseOnly.Contains(c) ? 1 : 0;
                chineseFunction += CommonWords.ChineseFunction.Contains(c) ? 1 : 0;
            }
            else if (CommonWords.IsVietnameseOnly(c))
            {
                vietnameseLetters++;
            }
        }

        if (kana > 0)
        {
            return new DetectedLanguage("ja", kana + han >= 3 ? 1.0 : 0.8);
        }

        var words = LatinWord().Matches(normalized).Select(m => m.Value.ToLowerInvariant()).ToList();
        var latinLetters = words.Sum(w => w.Length);

        if (hangul >= 2 && hangul * 2 >= latinLetters)
        {
            return new DetectedLanguage("ko", Math.Min(1.0, 0.6 + (0.1 * hangul)));
        }

        if (han > 0 && (words.Count < 3 || han * 2 >= latinLetters))
        {
            return DetectHan(han, chineseOnly, chineseFunction);
        }

        return DetectLatin(words, vietnameseLetters);
    }

    /// <inheritdoc />
    public Task<DetectedLanguage> DetectAsync(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Detect(text));
    }

    private static DetectedLanguage DetectHan(int han, int chineseOnly, int chineseFunction)
    {
        // Kanji-only Japanese is common in answers (横浜市, 療育手帳, 知的障害); it takes
        // characters Japanese never uses, or many Chinese function characters, to say Chinese.
        var chinese = chineseOnly >= 2
            || (chineseOnly >= 1 && chineseFunction >= 1)
            || (chineseFunction >= 3 && chineseFunction * 4 >= han);
        if (chinese)
        {
            return new DetectedLanguage("zh", Math.Min(1.0, 0.5 + (0.1 * chineseOnly) + (0.05 * chineseFunction)));
        }

        return han >= 2 ? new DetectedLanguage("ja", 0.7) : DetectedLanguage.JapaneseByDefault;
    }

    private static DetectedLanguage DetectLatin(List<string> words, int vietnameseLetters)
    {
        if (words.Count < 2)
        {
            return DetectedLanguage.JapaneseByDefault;
        }

        var scores = CommonWords.Latin.ToDictionary(
            language => language.Key,
            language => words.Count(w => language.Value.Contains(language.Key == "vi" ? CommonWords.WithoutDiacritics(w) : w)));
        scores["vi"] += 2 * vietnameseLetters;
        scores["es"] += 2 * words.Count(w => w.Contains('ñ', StringComparison.Ordinal));
        scores["pt"] += 2 * words.Count(w => w.Contains('ã', StringComparison.Ordinal) || w.Contains('õ', StringComparison.Ordinal) || w.Contains('ç', StringComparison.Ordinal));

        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        var (best, bestScore) = (ranked[0].Key, ranked[0].Value);
        var secondScore = ranked[1].Value;

        if (bestScore >= 2 && bestScore > secondScore)
        {
            var margin = (double)(bestScore - secondScore) / bestScore;
            var evidence = Math.Min(1.0, bestScore / 4.0);
            return new DetectedLanguage(best, Math.Round(0.4 + (0.6 * margin * evidence), 2));
        }

        if (words.Count >= WordsForUnknownLatinLanguage && scores["ja"] == 0)
        {
            return new DetectedLanguage("en", UnknownLatinLanguageConfidence);
        }

        return DetectedLanguage.JapaneseByDefault;
    }

    // Long vowel marks and the middle dot are shared with other scripts' punctuation; they do not make a text Japanese.
    private static bool IsKana(char c) => c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\u31F0' and <= '\u31FF');

    private static bool IsHangul(char c) => c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    [GeneratedRegex(@"https?://\S+|www\.\S+|\S+@\S+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlOrEmail();

    [GeneratedRegex(@"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF']+", RegexOptions.CultureInvariant)]
    private static partial Regex LatinWord();
}
