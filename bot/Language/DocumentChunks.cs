using System.Globalization;

namespace IntakeBot.Bot.Language;

/// <summary>
/// Cuts a text into pieces the synchronous API accepts (5,120 text elements each, counted as
/// <see cref="StringInfo.LengthInTextElements"/> like the service does), preferably after a line
/// break or a sentence end so a name is rarely cut in two. Each piece keeps its offset in the
/// original, to shift the service's entity offsets back.
/// </summary>
internal static class DocumentChunks
{
    /// <summary>The service's limit for one document of a synchronous request.</summary>
    public const int MaxTextElements = 5120;

    private const string SentenceEnds = "\n。！？!?．.";

    public static IReadOnlyList<(int Offset, string Text)> Split(string text, int maxTextElements = MaxTextElements)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextElements, 1);
        var starts = StringInfo.ParseCombiningCharacters(text);
        if (starts.Length <= maxTextElements)
        {
            return [(0, text)];
        }

        var pieces = new List<(int Offset, string Text)>();
        var first = 0; // index into starts
        while (first < starts.Length)
        {
            var limit = Math.Min(first + maxTextElements, starts.Length);
            var cut = limit;
            if (limit < starts.Length)
            {
                // Look back over the last fifth of the window for a sentence end to cut after.
                for (var element = limit - 1; element >= first + (maxTextElements * 4 / 5); element--)
                {
                    if (SentenceEnds.Contains(text[starts[element]], StringComparison.Ordinal))
                    {
                        cut = element + 1;
                        break;
                    }
                }
            }

            var start = starts[first];
            var end = cut < starts.Length ? starts[cut] : text.Length;
            pieces.Add((start, text[start..end]));
            first = cut;
        }

        return pieces;
    }

    /// <summary>The first <paramref name="maxTextElements"/> text elements: enough to tell a language, and less text sent out.</summary>
    public static string Head(string text, int maxTextElements)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = StringInfo.ParseCombiningCharacters(text);
        return starts.Length <= maxTextElements ? text : text[..starts[maxTextElements]];
    }
}
