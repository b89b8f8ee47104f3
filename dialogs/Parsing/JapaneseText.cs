using System.Text;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>Normalisation of Japanese user text before it is matched against anything.</summary>
public static class JapaneseText
{
    /// <summary>
    /// NFKC (full-width digits and letters to half-width, half-width kana to full-width),
    /// trimmed, inner white space folded to one space.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
