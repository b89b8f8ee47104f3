using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>Housing (「帰る家がない」「実家に戻る」) and where the subject will live (「横浜市に帰る」).</summary>
internal static partial class LivingCues
{
    [GeneratedRegex("(帰る|住む|住める|戻る|行く|暮らす|身を寄せる|かえる|すむ|すめる|もどる|いく|くらす)(家|場所|ところ|所|あて|当て|先|いえ|ばしょ|とこ)(が|も|は)?(ない|なく|無い|無く|ありません|見つから|みつから|決まっていな|決まってな|決まらな|きまってな)|(家|いえ|すまい|住まい|住居|住む所|住むところ|帰住先|帰り先|行き先|居場所)(が|も|は)?(ない|なく|無い|無く|ありません|見つから|決まっていな|決まってな|決まらな)|ホームレス|路上(生活|で寝)|ネットカフェ|野宿")]
    private static partial Regex NoHousing();

    [GeneratedRegex("(実家|自宅|家|アパート|グループホーム|更生保護施設|施設|寮)(に|へ)(帰る|戻る|住む|帰り|戻り|入る|入れ|入居|住ん)|(住む|帰る)(家|場所|ところ|所)(は|が|も)(ある|あり|決まって)|(自宅|実家|家|アパート)で(暮らし|生活し|同居)|一緒に住")]
    private static partial Regex HasHousing();

    [GeneratedRegex("(に|へ)(帰|戻|住|暮ら|移)|で(暮らし|生活し|住み)|帰住(予定)?(地|先)?(は|が)|実家(は|が)|出身(は|地)|住所(は|が)")]
    private static partial Regex ReturnCue();

    [GeneratedRegex("(刑務所|少年院|拘置所|裁判所|警察|病院|保護観察所|地裁|地方裁判所|支部)")]
    private static partial Regex InstitutionAfter();

    public static Answer? Housing(IReadOnlyList<Clause> clauses)
    {
        var usable = clauses.Where(c => !c.Doubtful && !c.Negated).ToList();
        var no = usable.Any(c => NoHousing().IsMatch(c.Text));
        var yes = usable.Any(c => HasHousing().IsMatch(c.Text));
        return no == yes ? null : no ? Answer.No : Answer.Yes;
    }

    /// <summary>
    /// A place counts as the return area only in a clause about living there, and not when it
    /// names an institution (「横浜刑務所」「東京地裁」).
    /// </summary>
    public static Area? ReturnArea(IReadOnlyList<Clause> clauses)
    {
        foreach (var clause in clauses.Where(c => !c.Doubtful))
        {
            var cue = ReturnCue().Match(clause.Text);
            if (!cue.Success)
            {
                continue;
            }

            // The place is written just before 「に帰る」, or just after 「帰住先は」「実家は」.
            var before = clause.Text[..cue.Index];
            var after = clause.Text[(cue.Index + cue.Length)..];
            foreach (var candidate in new[] { Tail(before), Head(after) })
            {
                if (candidate.Length == 0 || InstitutionAfter().IsMatch(candidate))
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

        return null;
    }

    private static string Tail(string text) => text.Length <= 14 ? text : text[^14..];

    private static string Head(string text) => text.Length <= 14 ? text : text[..14];
}
