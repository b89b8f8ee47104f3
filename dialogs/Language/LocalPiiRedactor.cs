namespace IntakeBot.Dialogs.Language;

/// <summary>
/// The offline <see cref="IPiiRedactor"/>: Japanese rules for names, phone numbers, e-mail,
/// 郵便番号, street addresses, birth dates, マイナンバー and case numbers. See
/// dialogs/Language/README.md for exactly what is and is not redacted. Stateless and thread-safe.
/// </summary>
public sealed class LocalPiiRedactor : IPiiRedactor
{
    private static readonly IPiiRule[] Rules =
    [
        new CaseNumberRule(),
        new MyNumberRule(),
        new EmailRule(),
        new PhoneNumberRule(),
        new PostalCodeRule(),
        new BirthDateRule(),
        new AddressRule(),
        new PersonNameRule(),
    ];

    /// <summary>
    /// Every finding of the rules, overlapping ones included, with offsets into
    /// <paramref name="text"/>. A remote redactor adds these to the service's entities (the
    /// service knows no 郵便番号 or case numbers) and passes all to <see cref="RedactionResult.Create"/>.
    /// </summary>
    public IReadOnlyList<PiiSpan> FindEntities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = FoldedText.Fold(text);
        return Rules.SelectMany(rule => rule.Find(folded)).ToList();
    }

    /// <summary>Redacts one text synchronously; the rules do no I/O.</summary>
    public RedactionResult Redact(string text) => RedactionResult.Create(text, FindEntities(text));

    /// <inheritdoc />
    public Task<RedactionResult> RedactAsync(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Redact(text));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RedactionResult>> RedactBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new List<RedactionResult>(texts.Count);
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(Redact(text));
        }

        return Task.FromResult<IReadOnlyList<RedactionResult>>(results);
    }
}
