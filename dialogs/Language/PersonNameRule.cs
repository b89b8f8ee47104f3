using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Person names where Japanese marks them: before an honorific or title (山田太郎さん, 山田 花子様,
/// 鈴木先生, 山田弁護士, ヤマダタロウさん, 田中ゆきさん), after a name label (名前は佐藤一郎です,
/// 氏名：田中, フリガナ ヤマダタロウ), and before a self-introduction (山本と申します).
/// A bare name with none of these is not found: Japanese has no spelling cue that tells 山田 from
/// 横浜 or ケースワーカー from ヤマダ. Words that take さん/様 but are not names (お母さん,
/// 看護師さん, 皆様, ヘルパーさん, お疲れさま) are filtered by the lists in <see cref="NameLexicon"/>.
/// </summary>
internal sealed partial class PersonNameRule : IPiiRule
{
    // ノ and ヶ occur inside names (一ノ瀬, 八ヶ代) but never begin one.
    private const string KanjiStart = @"\p{IsCJKUnifiedIdeographs}";
    private const string Kanji = @"\p{IsCJKUnifiedIdeographs}々〆ヶノ";
    private const string Katakana = @"\u30A1-\u30FAー\u3099\u309A";
    private const string KanjiName = "[" + KanjiStart + "][" + Kanji + "]{0,7}(?: [" + KanjiStart + "][" + Kanji + "]{0,3})?";
    private const string KatakanaName = "[" + Katakana + "]{2,12}(?:[ ・][" + Katakana + "]{1,12}){0,3}";

    // 様/氏/君 are honorifics only at the end of the word (not 様子, 氏名, 君主); 様方/様宛 are addresses on letters.
    private const string Honorific =
        "(?:さん|さま|サン|くん|ちゃん|氏(?![" + Kanji + "])|様(?![" + Kanji + "])|様(?=[方宛])|君(?![" + Kanji + "])"
        + "|先生|弁護士|医師|保護司|刑務官|看護師|教授|判事|検事|議員)";

    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in KanjiBeforeHonorific().Matches(folded))
        {
            var given = match.Groups["given"];
            var span = ValidateKanji(folded, match.Groups["name"].Index, match.Groups["name"].Value, given.Success ? given.Value : null);
            if (span is { } found)
            {
                yield return found;
            }
        }

        foreach (Match match in KatakanaBeforeHonorific().Matches(folded))
        {
            if (NameLexicon.IsKatakanaName(match.Groups["name"].Value))
            {
                yield return new PiiSpan(PiiCategory.Person, match.Groups["name"].Index, match.Groups["name"].Length);
            }
        }

        foreach (Match match in LatinBeforeHonorific().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.Person, match.Index, match.Length);
        }

        foreach (Match match in AfterLabel().Matches(folded))
        {
            if (NameLexicon.LabelIsAboutAThing(folded, match.Index))
            {
                continue;
            }

            var span = ValidateAnyScript(folded, match.Groups["name"]);
            if (span is { } found)
            {
                yield return found;
            }
        }

        foreach (Match match in BeforeSelfIntroduction().Matches(folded).Concat(AfterOrganisation().Matches(folded)))
        {
            var span = ValidateAnyScript(folded, match.Groups["name"]);
            if (span is { } found)
            {
                yield return found;
            }
        }
    }

    private static PiiSpan? ValidateAnyScript(string folded, Group name)
    {
        var value = name.Value;
        if (NameLexicon.IsKatakana(value[0]))
        {
            return NameLexicon.IsKatakanaName(value) ? new PiiSpan(PiiCategory.Person, name.Index, name.Length) : null;
        }

        if (NameLexicon.IsHiragana(value[0]))
        {
            return NameLexicon.IsHiraganaName(value) ? new PiiSpan(PiiCategory.Person, name.Index, name.Length) : null;
        }

        return ValidateKanji(folded, name.Index, value, given: null);
    }

    private static PiiSpan? ValidateKanji(string folded, int start, string name, string? given)
    {
        // お母さん, ご本人様, お疲れさま: the beautifying prefix marks a common noun, never a name.
        if (start > 0 && folded[start - 1] is 'お' or 'ご')
        {
            return null;
        }

        // 「横浜市 山田様」「父 山田太郎様」: only the part after the space is the name.
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space >= 0)
        {
            var first = name[..space];
            if (!NameLexicon.IsKanjiName(first) || NameLexicon.EndsLikeAPlace(first))
            {
                start += space + 1;
                name = name[(space + 1)..];
            }
        }

        var core = NameLexicon.StripTitles(name, out var strippedLeading, out var strippedTrailing);
        if (core is null || (strippedTrailing && given is not null) || !NameLexicon.IsKanjiName(core.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return null;
        }

        if (given is not null && !NameLexicon.IsGivenNameInHiragana(given))
        {
            return null;
        }

        return new PiiSpan(PiiCategory.Person, start + strippedLeading, core.Length + (given?.Length ?? 0));
    }

    // The honorific is a lookahead, not part of the match: when a candidate is rejected
    // (担当 + の + 保護司), the scan must still see the honorific as the end of the next one
    // (保護司 + さん).
    [GeneratedRegex("(?<![" + Kanji + "])(?<name>" + KanjiName + ")(?<given>[ぁ-ゖ]{1,3})?(?=" + Honorific + ")", RegexOptions.CultureInvariant)]
    private static partial Regex KanjiBeforeHonorific();

    [GeneratedRegex("(?<![" + Katakana + "])(?<name>" + KatakanaName + ")(?=" + Honorific + ")", RegexOptions.CultureInvariant)]
    private static partial Regex KatakanaBeforeHonorific();

    // Foreign names written in Latin letters (Maria Santosさん). Capitalised words only, so
    // that abbreviations of roles (CWさん, MSWさん) stay.
    [GeneratedRegex("(?<![A-Za-z])[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}(?=" + Honorific + ")", RegexOptions.CultureInvariant)]
    private static partial Regex LatinBeforeHonorific();

    // The name must end where a particle, punctuation or the end follows, so that
    // 「名前は言いたくない」 (言 + いたくない) is not taken for a name.
    [GeneratedRegex(
        "(?:氏名|名前|本名|姓名|旧姓|通称|フリガナ|ふりがな|なまえ)(?:は|:|を|が| )+(?<name>"
        + "[" + KanjiStart + "][" + Kanji + "]{0,5}(?: [" + KanjiStart + "][" + Kanji + "]{0,3})?(?=[でだとにはがのもさくちよね、。,.)\\s]|$)"
        + "|" + KatakanaName
        + "|[ぁ-ゖ]{2,6}?(?=です|でした|と申|といい|と言|さん|ちゃん|くん|[、。,.)\\s]|$))",
        RegexOptions.CultureInvariant)]
    private static partial Regex AfterLabel();

    [GeneratedRegex(
        "(?:(?<![" + Kanji + "])(?<name>[" + KanjiStart + "][" + Kanji + "]{0,5}(?: [" + KanjiStart + "][" + Kanji + "]{0,3})?)|(?<![" + Katakana + "])(?<name>" + KatakanaName + "))"
        + "(?=と申し|と申す|といい|と言い|と言う|という者|という人|という方|という男|という女|という名前|と名乗)",
        RegexOptions.CultureInvariant)]
    private static partial Regex BeforeSelfIntroduction();

    // 「〇〇の山田です」 is a name only after a role or an organisation: after anything else
    // (父の件です, 本人の希望です) the word before です is a common noun.
    [GeneratedRegex(
        "(?<=(?:弁護士|弁護人|保護司|観察官|事務所|役所|役場|センター|病院|施設|ホーム|職員|担当|担当者|相談員|支援員|ワーカー|会社|協会|法人|[課係署局所園会])[の、 ])"
        + "(?:(?<name>[" + KanjiStart + "][" + Kanji + "]{0,5})|(?<name>" + KatakanaName + "))(?=です|でございます|と申)",
        RegexOptions.CultureInvariant)]
    private static partial Regex AfterOrganisation();
}
