using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Parsing;

/// <summary>
/// Finds one e-mail address in the text (「メールは taro@example.jp です」) and checks its shape.
/// </summary>
/// <remarks>
/// The local part accepts consecutive dots and a dot just before the 「@」, which RFC 5322 forbids,
/// because Japanese mobile carriers handed out such addresses for years and they still receive mail.
/// The domain is stricter (labels of letters, digits and hyphens, an alphabetic top-level domain)
/// since a typo there is far more common than an exotic domain.
/// </remarks>
internal static partial class EmailParser
{
    private const string BadShape = "メールアドレスの形が正しくないようです。もう一度教えてください。";

    /// <summary>Parses <paramref name="text"/> as an e-mail address.</summary>
    public static Parsed<string> Parse(string? text)
    {
        // NFKC already turns 「＠」 and full-width letters into ASCII.
        var normalized = JapaneseText.Normalize(text);
        if (normalized.Length == 0)
        {
            return Parsed<string>.Invalid();
        }

        if (UnknownAnswer.Matches(normalized))
        {
            return Parsed<string>.Unknown();
        }

        if (!normalized.Contains('@', StringComparison.Ordinal))
        {
            return Parsed<string>.Invalid("メールアドレスを「@」も含めて教えてください。");
        }

        var addresses = Address().Matches(normalized)
            .Select(m => $"{m.Groups["local"].Value}@{m.Groups["domain"].Value.ToLowerInvariant()}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (addresses.Count > 1)
        {
            return Parsed<string>.Invalid("メールアドレスを一つだけ教えてください。");
        }

        // Every 「@」 must belong to the address; 「taro@@example.jp」 or a second broken one means a typo.
        if (addresses.Count == 0 || normalized.Count(c => c == '@') != 1)
        {
            return Parsed<string>.Invalid(BadShape);
        }

        var address = addresses[0];
        var local = address[..address.IndexOf('@', StringComparison.Ordinal)];
        return local.Length > 64 || address.Length > 254 || local.StartsWith('.')
            ? Parsed<string>.Invalid(BadShape)
            : Parsed<string>.Ok(address);
    }

    // The look-arounds stop a match from starting or ending inside a longer run of address
    // characters, so 「taro@example.jp です」 cannot shrink to 「aro@example.j」.
    [GeneratedRegex(@"(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])(?<local>[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+)@(?<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})(?![A-Za-z0-9-]|\.[A-Za-z0-9])")]
    private static partial Regex Address();
}
