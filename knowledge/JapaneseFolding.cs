using System.Text;
using IntakeBot.Knowledge.Retrieval;

namespace IntakeBot.Knowledge;

/// <summary>
/// Folds Japanese text so that spellings of the same word compare equal: NFKC (full/half width), lower case,
/// katakana to hiragana, then a table of variants (障がい/しょうがい → 障害, 子ども → 子供, 手続き → 手続,
/// ムショ → 刑務所, common misconversions such as 拘留 → 勾留) and hiragana spellings of the center's terms
/// (たいほ → 逮捕, ねんきん → 年金).
/// </summary>
public static class JapaneseFolding
{
    /// <summary>Folds <paramref name="text"/>; articles and questions go through the same folding.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return VariantTable.Instance.Apply(FoldScript(text));
    }

    /// <summary>NFKC, lower case, katakana to hiragana; no word variants.</summary>
    internal static string FoldScript(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var original in normalized)
        {
            var c = char.ToLowerInvariant(original);
            if (c is >= '\u30A1' and <= '\u30F6' or '\u30FD' or '\u30FE')
            {
                c = (char)(c - 0x60);
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
