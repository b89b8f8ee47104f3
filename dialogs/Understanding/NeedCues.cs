using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// Needs the writer asks help with or says they are troubled by. A state the subject is
/// already in (「生活保護を受給中」「グループホームに住んでいる」「手帳を申請中」) is not a need.
/// </summary>
internal static class NeedCues
{
    private static readonly (Need Need, string Pattern)[] Cues =
    [
        (Need.Housing, "(住む|帰る|住める|すむ)\\s?(家|場所|ところ|所|とこ|いえ)\\s?(を|が)?\\s?(探|さが|見つけ|ほし|欲し|必要)|(転居先|引っ越し先|引越し先|部屋)を(探|さが)|住まい[^。]{0,8}(探|確保|見つけ|相談|必要|受け皿)|住居(の|を)(確保|探)|アパート(を|が)(探|借り|見つから|みつから)"),
        (Need.DisabilityServices, "福祉サービス|ヘルパー|生活介護|グループホーム[^。、]{0,10}(入れ|入り|探|利用|紹介|入所させ|ないか|でしょうか)"),
        (Need.ElderlyCare, "介護(?!士|福祉士|職)|老人ホーム|デイサービス|特養|ケアマネ"),
        (Need.Medical, "通院(先|が|を|でき|させ|の)|病院(に|へ)(通|行|かか)|治療(が|を)|服薬|薬(が|を)(飲|切|もら)|受診|病院どうし|病院はどう"),
        (Need.IncomeSupport, "生活保護(?!を受給|の受給|受給中|を受けて|を受けており|をもらって)|せいかつ\\s?ほご|生活費|(お金|おかね|所持金)\\s?(が|も)?\\s?(ない|な く|なく|無い|ありません)|(?<![しさ])かね\\s?(が|も)?\\s?ない|収入がな"),
        (Need.HandbookApplication, "手帳(を|の)?(取りたい|取得したい|作りたい|申請したい|取り方|取らせ|申請の仕方|申請方法)|手帳のこと(も|を)?[^。]{0,4}(相談|知りたい|教えて)"),
        (Need.DaytimeActivity, "仕事(を|が)\\s?(探|さが|見つけ|したい|ほしい|欲しい|見つから|みつから|続か|ない|なく)|仕事探し|働きたい|働け(る|ない|ず)|働く(場所|所|ところ)|就労|就職|日中(の|に)?[^。、]{0,4}(活動|通える|通う|過ごす|やること|居場所)|作業所"),
        (Need.MoneyManagement, "お金の(管理|使い方)|金銭管理|借金|浪費|使い込|お金を使い"),
        (Need.FamilyRelations, "家族(との|と)(関係|仲)|親子関係|家族関係|家族と(うまく|折り合)|家族のこと(で|が)[^。]{0,6}(困|悩)|間に入って"),
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

        // 「帰る家がなくて困っています」: a lack of housing the writer is troubled by or asks about is a need.
        if (housing == Answer.No && !needs.Contains(Need.Housing)
            && Regex.IsMatch(text, "困って|困り|困る|困った|こまっ|こまる|探|どうすれば|どうしたら|助け|たすけ|不安|心配|必要|お願い|でしょうか|至急"))
        {
            needs.Insert(0, Need.Housing);
        }

        return needs;
    }
}
