using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>Who is writing: 「母です」, 「息子が逮捕された」 (a parent), 「弁護人として」, 「保護観察所の者です」.</summary>
internal static partial class RoleCues
{
    private static readonly (string Word, SupporterKind Kind)[] Agencies =
    [
        ("保護観察所", SupporterKind.ProbationOffice), ("保護観察官", SupporterKind.ProbationOffice), ("社会復帰調整官", SupporterKind.ProbationOffice),
        ("刑務所", SupporterKind.CorrectionalFacility), ("少年院", SupporterKind.CorrectionalFacility), ("拘置所", SupporterKind.CorrectionalFacility),
        ("福祉専門官", SupporterKind.CorrectionalFacility), ("刑務官", SupporterKind.CorrectionalFacility),
        ("更生保護施設", SupporterKind.RehabilitationFacility),
        ("相談支援", SupporterKind.WelfareProvider), ("事業所", SupporterKind.WelfareProvider), ("グループホーム", SupporterKind.WelfareProvider),
        ("作業所", SupporterKind.WelfareProvider), ("地域包括", SupporterKind.WelfareProvider), ("ケアマネ", SupporterKind.WelfareProvider),
        ("病院", SupporterKind.Hospital), ("クリニック", SupporterKind.Hospital), ("PSW", SupporterKind.Hospital), ("MSW", SupporterKind.Hospital),
        ("市役所", SupporterKind.Government), ("区役所", SupporterKind.Government), ("役場", SupporterKind.Government), ("福祉事務所", SupporterKind.Government),
        ("福祉課", SupporterKind.Government), ("ケースワーカー", SupporterKind.Government),
    ];

    // The writer names themselves: 「母です」「姉でございます」「私は父親として」.
    [GeneratedRegex("(?<![祖叔伯義])(母親|父親|母|父|妻|夫|姉|兄|弟|妹|祖母|祖父|叔母|叔父|伯母|伯父|おば|おじ|娘|息子)(です|でございます|として|をしております|をしています|の者です)")]
    private static partial Regex WriterKin();

    // The subject is named by kin: 「息子が」「うちの子は」「72歳の父が」; the writer is the other side.
    [GeneratedRegex("(?<![祖叔伯義お])(息子|娘|うちの子|子ども|子供|長男|次男|長女|次女|父親|母親|お父さん|お母さん|父|母|夫|妻|主人|旦那|嫁|兄|弟|姉|妹|孫|甥|姪|いとこ|叔父|叔母|おじ|おば)(さん)?(が|は|の件|について|のこと)")]
    private static partial Regex SubjectKin();

    [GeneratedRegex("(弁護人|弁護士)(です|でございます|として|を務め|をしてお|をしてい|の[^、。]{1,12}(です|と申します))|(国選|私選|担当)弁護")]
    private static partial Regex LawyerSelf();

    [GeneratedRegex("(の者です|の職員です|職員です|で働いて|に勤め|の担当者です|担当の[^、。]{0,10}です|の[^、。]{1,12}と申します|の[^、。]{1,8}です|から(ご)?(連絡|相談|依頼)|として)")]
    private static partial Regex AgencySelf();

    [GeneratedRegex("(福祉専門官|相談支援専門員|精神保健福祉士|社会福祉士|ケースワーカー|保護観察官|社会復帰調整官|支援員|ケアマネ(ジャー)?|PSW|MSW)(です|をして|として|の[^、。]{1,8}です|と申します)")]
    private static partial Regex AgencyProfession();

    [GeneratedRegex("(本人です|私自身の|自分のこと|(私|わたし|ぼく|僕|おれ|俺|自分)(は|が|も)?.{0,30}(出所|刑務所|少年院|出ました|出てきた|捕ま|逮捕|仮釈放|服役|保釈|裁判|執行猶予))")]
    private static partial Regex SelfStory();

    public static (AskerRole? Role, Relation? Relation, SupporterKind? Kind) Detect(string text)
    {
        if (LawyerSelf().IsMatch(text))
        {
            return (AskerRole.Lawyer, null, null);
        }

        if (AgencyProfession().Match(text) is { Success: true } profession)
        {
            return (AskerRole.Supporter, null, KindOf(profession.Value));
        }

        foreach (var (word, kind) in Agencies)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && AgencySelf().Match(text, at + word.Length) is { Success: true } self && self.Index - (at + word.Length) <= 12
                && !IsAboutAPlaceTheSubjectIs(text, at, word))
            {
                return (AskerRole.Supporter, null, kind);
            }
        }

        if (WriterKin().Match(text) is { Success: true } writer)
        {
            return (AskerRole.Family, WriterRelation(writer.Groups[1].Value), null);
        }

        if (SubjectKin().Match(text) is { Success: true } subject)
        {
            return (AskerRole.Family, RelationToSubject(subject.Groups[1].Value), null);
        }

        return SelfStory().IsMatch(text) ? (AskerRole.Self, null, null) : (null, null, null);
    }

    /// <summary>「刑務所から連絡があって」 is news from a prison, not a prison's staff writing.</summary>
    private static bool IsAboutAPlaceTheSubjectIs(string text, int at, string word) =>
        text.AsSpan(at + word.Length).StartsWith("から連絡") && word is "刑務所" or "少年院" or "拘置所" or "病院";

    private static SupporterKind KindOf(string profession) => profession switch
    {
        _ when profession.StartsWith("福祉専門官", StringComparison.Ordinal) => SupporterKind.CorrectionalFacility,
        _ when profession.StartsWith("保護観察官", StringComparison.Ordinal) || profession.StartsWith("社会復帰調整官", StringComparison.Ordinal) => SupporterKind.ProbationOffice,
        _ when profession.StartsWith("PSW", StringComparison.Ordinal) || profession.StartsWith("MSW", StringComparison.Ordinal) || profession.StartsWith("精神保健福祉士", StringComparison.Ordinal) => SupporterKind.Hospital,
        _ when profession.StartsWith("ケースワーカー", StringComparison.Ordinal) => SupporterKind.Government,
        _ => SupporterKind.WelfareProvider,
    };

    private static Relation WriterRelation(string word) => word switch
    {
        "母" or "父" or "母親" or "父親" => Relation.Parent,
        "妻" or "夫" => Relation.Spouse,
        "姉" or "兄" or "弟" or "妹" => Relation.Sibling,
        "祖母" or "祖父" => Relation.Grandparent,
        "娘" or "息子" => Relation.Child,
        _ => Relation.OtherRelative,
    };

    private static Relation RelationToSubject(string word) => word switch
    {
        "息子" or "娘" or "うちの子" or "子ども" or "子供" or "長男" or "次男" or "長女" or "次女" => Relation.Parent,
        "父" or "母" or "父親" or "母親" or "お父さん" or "お母さん" => Relation.Child,
        "夫" or "妻" or "主人" or "旦那" or "嫁" => Relation.Spouse,
        "兄" or "弟" or "姉" or "妹" => Relation.Sibling,
        "孫" => Relation.Grandparent,
        _ => Relation.OtherRelative,
    };
}
