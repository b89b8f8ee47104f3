using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>Needs the writer asks help with or says they are troubled by.</summary>
internal static class NeedCues
{
    private static readonly (Need Need, string Pattern)[] Cues =
    [
        (Need.Housing, "(住む|帰る|住める)(家|場所|ところ|所)(を|が)(探|見つけ|ほし|欲し|必要)|住まい(を|が|の)(探|確保|見つけ|相談|必要)|住居(の|を)(確保|探)|アパート(を|が)(探|借り)"),
        (Need.DisabilityServices, "福祉サービス|障害福祉|障がい福祉|グループホーム|ヘルパー|作業所|就労継続|B型|A型|生活介護"),
        (Need.ElderlyCare, "介護(保険|サービス|が必要|施設|認定)|老人ホーム|デイサービス|特養|ケアマネ"),
        (Need.Medical, "通院(先|が|を|でき|させ|の)|病院(に|へ)(通|行|かか)|治療(が|を)|服薬|薬(が|を)(飲|切|もら)|受診"),
        (Need.IncomeSupport, "年金|生活保護|生活費|お金がな|収入がな|所持金"),
        (Need.HandbookApplication, "手帳(の|を)?(申請|取り|取得|作り)|手帳を(取|作)"),
        (Need.DaytimeActivity, "仕事(を|が|に|探)|働(き|く|け)|就労|就職|日中(の)?活動"),
        (Need.MoneyManagement, "お金の管理|金銭管理|借金|浪費|使い込|お金を使い"),
        (Need.FamilyRelations, "家族(との|と)(関係|仲)|親子関係|家族関係|家族と(うまく|折り合)"),
    ];

    public static List<Need> Detect(IReadOnlyList<Clause> clauses, Answer? housing, AskerRole? role)
    {
        var text = string.Concat(clauses.Where(c => !c.Negated).Select(c => c.Text + "。"));
        var needs = new List<Need>();
        foreach (var (need, pattern) in Cues)
        {
            // 「病院のPSWです」 is who writes, not a need.
            if (need == Need.Medical && role == AskerRole.Supporter && !Regex.IsMatch(text, "通院|服薬|治療"))
            {
                continue;
            }

            if (Regex.IsMatch(text, pattern))
            {
                needs.Add(need);
            }
        }

        // 「帰る家がなくて困っています」: a lack of housing the writer is troubled by is a need.
        if (housing == Answer.No && !needs.Contains(Need.Housing) && Regex.IsMatch(text, "困|探|どうすれば|どうしたら|助け|不安|心配|必要|お願い"))
        {
            needs.Insert(0, Need.Housing);
        }

        return needs;
    }
}
