using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>Housing (「帰る家がない」「実家に戻る」) and where the subject will live (「横浜市に帰る」).</summary>
internal static partial class LivingCues
{
    private const string Lack = "(まだ)?\\s?(ない|なく|無い|無く|ありません|ございません|見つから|みつから|決まっていな|決まってな|決まっていません|決まってません|決まらな|きまってな|見つかっていな|見つかっていません|見つかってな|みつかってな|確保できていな|確保できてな|確保できていません|確保されていな)";

    // A place to go back to, sleep or live in that is missing: 「帰る家がない」「今夜泊まる場所もありません」
    // 「すむところ ない」; or a word that means homelessness itself.
    [GeneratedRegex(
        "(帰る|帰れる|住む|住める|戻る|行く|いく|暮らす|身を寄せる|泊まる|とまる|寝る|いられる|かえる|すむ|すめる|もどる|くらす)\\s?(家|場所|ところ|所|あて|当て|先|いえ|ばしょ|とこ)\\s?(が|も|は)?\\s?" + Lack
        + "|(家|いえ|すまい|住まい|住居|住む所|住むところ|帰住先|帰り先|行き先|いきさき|居場所)\\s?(が|も|は)?\\s?" + Lack
        + "|(家|住まい|住居|住む所|住むところ|すむところ)(も|と)[^、。]{0,8}も\\s?(ない|なく|無い|ありません)"
        + "|(家|実家|自宅)(に|へ)(は|も)?[^、。]{0,3}(帰れ|戻れ|帰ってこられ|帰って来られ|帰ってこれ|戻ってこられ)(ない|ません|なく)"
        + "|ホームレス|路上(生活|で寝)|ネットカフェ|野宿|住居不定|住所不定")]
    private static partial Regex NoHousing();

    // A home the subject returns to or lives in. Temporary stays (更生保護施設, 「いったん私の家に」)
    // are left out, as the labelling rules do.
    [GeneratedRegex(
        "(実家|自宅|家|アパート|グループホーム|マンション|都営住宅|市営住宅|公営住宅)(\\([^)]*\\))?(に|へ)\\s?(帰|戻|住|入居|身を寄せ|帰住)"
        + "|(住む|帰る|帰ってくる|帰って来る|戻る|暮らす|いられる)\\s?(家|場所|ところ|所)\\s?(は|が|も)\\s?(ある|あり|あって|決まって)"
        + "|(家|住まい|住居|アパート|住む所|住むところ|帰る所|帰る家|自宅)\\s?(は|が|も)\\s?(ある|あり|あって)"
        + "|(家|住まい|住居|アパート|自宅)(\\([^)]*\\))?(は|も)[^。、]{0,6}(維持|残って|そのまま)"
        + "|(実家|自宅|家|アパート|マンション)(\\([^)]*\\))?で[^。、]{0,8}(暮らし|生活を?し|同居|住ん)"
        + "|(私|わたし|家族|両親|親|母|父|息子|娘|夫|妻|主人|兄|姉|弟|妹)と[^。、]{0,14}(住んで|暮らして|同居して|同居し)(い|お)"
        + "|(と|で)(同居|二人暮らし|一緒に住|一緒に暮ら)"
        + "|(帰住先|帰住地|住まい|住居|帰る先|帰り先|行き先|家)は[^。、]{0,16}(自宅|実家|アパート|家|グループホーム)(です|になり|$)"
        + "|(私|わたし|自分|実家|自宅)の家に(い|住|暮ら)(ます|る|て)"
        + "|自宅(アパート|マンション)?から(通|通院|通所)"
        + "|(アパート|部屋|住まい|住居|住む所|住むところ)(は|を|も)[^、。]{0,4}(契約|確保|用意|準備)(して|済|でき)"
        + "|(今は|現在は?)\\s?(家|自宅|実家)に(います|いる|おり)"
        + "|引き(取|受け)(る|ります|って(くれ|もら))")]
    private static partial Regex HasHousing();

    // What undoes a home just named: a negation, a wish or a past state (「実家に帰るつもりはない」
    // 「家はありません」「帰りたい」「同居していた」).
    [GeneratedRegex("^([^、。]{0,10}?(ない|ません|なく|なかっ|ず[、。]|ずに|ず$|れない|れません|られない|たい|ていた|ていました|だった|でした))")]
    private static partial Regex Undone();

    // A stay the writer marks as temporary is not a home.
    [GeneratedRegex("とりあえず|いったん|一旦|一時的|しばらく|当面")]
    private static partial Regex Temporary();

    [GeneratedRegex("(に|へ)(帰|戻|住|暮ら|移|身を寄せ|入居)|で[^、。]{0,4}(暮ら|生活を?し|住み|住む)|での(生活|暮らし|単身生活|一人暮らし)|帰住(予定)?(地|先)?(は|が)|(実家|自宅|家|住まい)(は|が)|出身(は|地)|住所(は|が)|(実家|自宅|家)\\(|の(自宅|実家)")]
    private static partial Regex ReturnCue();

    [GeneratedRegex("(刑務所|少年院|拘置所|裁判所|警察|病院|保護観察所|地裁|地方裁判所|支部)")]
    private static partial Regex InstitutionAfter();

    // 「私は東京に住んでいて」: where the writer lives is not the subject's return area.
    [GeneratedRegex("(私|わたし|わたくし|僕|ぼく|俺|おれ)(たち)?(は|も|が)")]
    private static partial Regex WriterTopic();

    public static Answer? Housing(IReadOnlyList<Clause> clauses)
    {
        var usable = clauses.Where(c => !c.Doubtful && !c.Negated && !c.Hypothetical).ToList();
        var no = usable.Any(c => NoHousing().IsMatch(c.Text));
        var yes = usable.Any(c => !Temporary().IsMatch(c.Text) && HasHousing().Matches(c.Text).Any(m => IsStatedHome(c.Text, m)));
        return no == yes ? null : no ? Answer.No : Answer.Yes;
    }

    /// <summary>
    /// A home match stands unless what follows undoes it. 「家に帰されました」 (sent home by the
    /// police) tells how an arrest ended, not where the subject lives.
    /// </summary>
    private static bool IsStatedHome(string text, Match home)
    {
        var rest = text[(home.Index + home.Length)..];
        var sentHome = (home.Value.EndsWith('帰') || home.Value.EndsWith('戻')) && (rest.StartsWith("され", StringComparison.Ordinal) || rest.StartsWith("させ", StringComparison.Ordinal));
        return !sentHome && !Undone().IsMatch(rest);
    }

    /// <summary>
    /// A place counts as the return area only in a clause about living there, and not when it
    /// names an institution (「横浜刑務所」「東京地裁」) or where the writer, not the subject, lives.
    /// </summary>
    public static Area? ReturnArea(IReadOnlyList<Clause> clauses, AskerRole? role)
    {
        foreach (var clause in clauses.Where(c => !c.Doubtful && !c.Hypothetical))
        {
            if (role != AskerRole.Self && WriterTopic().IsMatch(clause.Text))
            {
                continue;
            }

            foreach (Match cue in ReturnCue().Matches(clause.Text))
            {
                // The place is written just before 「に帰る」, or just after 「帰住先は」「実家は」.
                var before = clause.Text[..cue.Index];
                var after = clause.Text[(cue.Index + cue.Length)..];
                foreach (var text in new[] { Tail(before), Head(after) })
                {
                    // 「刑務所を出たら東京に住みたい」: only what follows the institution can be the
                    // place to live; 「横浜刑務所に」 leaves nothing.
                    var institution = InstitutionAfter().Matches(text).LastOrDefault();
                    var candidate = institution is null ? text : text[(institution.Index + institution.Length)..];
                    if (candidate.Length == 0)
                    {
                        continue;
                    }

                    var area = AnswerParsers.Area(candidate);
                    if (area.IsValue)
                    {
                        return area.Value;
                    }
                }
            }
        }

        return null;
    }

    private static string Tail(string text) => text.Length <= 14 ? text : text[^14..];

    private static string Head(string text) => text.Length <= 14 ? text : text[..14];
}
