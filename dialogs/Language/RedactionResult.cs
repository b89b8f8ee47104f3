using System.Text;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// A text with its personal information replaced by typed placeholders (<c>[PERSON_1]</c>,
/// <c>[PHONE_NUMBER_1]</c>…), what was replaced, and the way back (<see cref="Restore"/>).
/// The same original string always gets the same placeholder within one result, so a language
/// model sees that two mentions are one person.
/// </summary>
public sealed class RedactionResult
{
    // Overlapping findings are settled longest first; between equal lengths the more specific
    // category wins (a 12-digit number with a 事件番号 label is a case number, not a My Number).
    private static readonly PiiCategory[] Precedence =
    [
        PiiCategory.CaseNumber,
        PiiCategory.MyNumber,
        PiiCategory.Email,
        PiiCategory.PhoneNumber,
        PiiCategory.PostalCode,
        PiiCategory.DateOfBirth,
        PiiCategory.Address,
        PiiCategory.Person,
    ];

    private readonly Dictionary<string, string> originalByPlaceholder;

    private RedactionResult(string text, IReadOnlyList<PiiEntity> entities, Dictionary<string, string> originalByPlaceholder)
    {
        Text = text;
        Entities = entities;
        this.originalByPlaceholder = originalByPlaceholder;
    }

    /// <summary>The redacted text: safe to send out, log or show to a model.</summary>
    public string Text { get; }

    /// <summary>What was replaced, in the order it appears in the original text. Contains personal information: never log it.</summary>
    public IReadOnlyList<PiiEntity> Entities { get; }

    /// <summary>Whether anything was replaced.</summary>
    public bool HasPii => Entities.Count > 0;

    /// <summary>
    /// Builds a redaction of <paramref name="original"/> from recognizer findings, from any source
    /// (the local rules, a remote service, or both merged). Overlaps are settled (longest wins,
    /// then the more specific category); findings outside the text or touching a placeholder
    /// already present in it are ignored, and numbering continues after such placeholders so
    /// <see cref="Restore"/> of <see cref="Text"/> gives back exactly <paramref name="original"/>.
    /// </summary>
    public static RedactionResult Create(string original, IEnumerable<PiiSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(spans);

        var existing = Placeholders.Find(FoldedText.Fold(original)).ToList();
        var nextNumber = Enum.GetValues<PiiCategory>().ToDictionary(c => c, _ => 1);
        foreach (var token in existing)
        {
            nextNumber[token.Category] = Math.Max(nextNumber[token.Category], token.Number + 1);
        }

        var protectedRanges = existing.Select(t => new PiiSpan(t.Category, t.Offset, t.Length)).ToList();
        var accepted = new List<PiiSpan>();
        var candidates = spans
            .Where(s => s.Offset >= 0 && s.Length > 0 && s.End <= original.Length)
            .Where(s => !SplitsSurrogatePair(original, s))
            .OrderByDescending(s => s.Length)
            .ThenBy(s => Array.IndexOf(Precedence, s.Category))
            .ThenBy(s => s.Offset);
        foreach (var span in candidates)
        {
            if (!protectedRanges.Any(span.Overlaps) && !accepted.Any(span.Overlaps))
            {
                accepted.Add(span);
            }
        }

        accepted.Sort((a, b) => a.Offset.CompareTo(b.Offset));

        var placeholderByValue = new Dictionary<(PiiCategory, string), string>();
        var originalByPlaceholder = new Dictionary<string, string>(StringComparer.Ordinal);
        var entities = new List<PiiEntity>(accepted.Count);
        var redacted = new StringBuilder(original.Length);
        var position = 0;
        foreach (var span in accepted)
        {
            var value = original.Substring(span.Offset, span.Length);
            if (!placeholderByValue.TryGetValue((span.Category, value), out var placeholder))
            {
                placeholder = Placeholders.Format(span.Category, nextNumber[span.Category]++);
                placeholderByValue[(span.Category, value)] = placeholder;
                originalByPlaceholder[placeholder] = value;
            }

            entities.Add(new PiiEntity(span.Category, value, span.Offset, span.Length, placeholder));
            redacted.Append(original, position, span.Offset - position).Append(placeholder);
            position = span.End;
        }

        redacted.Append(original, position, original.Length - position);
        return new RedactionResult(redacted.ToString(), entities, originalByPlaceholder);
    }

    /// <summary>
    /// Puts the original text back for every placeholder of this result in
    /// <paramref name="textWithPlaceholders"/> (typically a model's answer to <see cref="Text"/>).
    /// A placeholder may appear any number of times, or not at all; one this result did not
    /// issue is left as it is. Tolerates what models do to placeholders: full-width or
    /// lower-case letters, a space for the underscore, a missing bracket.
    /// </summary>
    public string Restore(string textWithPlaceholders)
    {
        ArgumentNullException.ThrowIfNull(textWithPlaceholders);
        if (originalByPlaceholder.Count == 0)
        {
            return textWithPlaceholders;
        }

        var restored = new StringBuilder(textWithPlaceholders.Length);
        var position = 0;
        foreach (var token in Placeholders.Find(FoldedText.Fold(textWithPlaceholders)))
        {
            if (originalByPlaceholder.TryGetValue(Placeholders.Format(token.Category, token.Number), out var original))
            {
                restored.Append(textWithPlaceholders, position, token.Offset - position).Append(original);
                position = token.Offset + token.Length;
            }
        }

        restored.Append(textWithPlaceholders, position, textWithPlaceholders.Length - position);
        return restored.ToString();
    }

    private static bool SplitsSurrogatePair(string text, PiiSpan span) =>
        char.IsLowSurrogate(text[span.Offset]) || (span.End < text.Length && char.IsLowSurrogate(text[span.End]));
}
