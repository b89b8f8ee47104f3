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

    // The writer names themselves: 「母です」「姉でございます」「私は父親として」「長男の嫁です」.
    [GeneratedRegex("(?<![祖叔伯義])(母親|父親|母|父|妻|夫|姉|兄|弟|妹|祖母|祖父|叔母|叔父|伯母|伯父|おば|おじ|娘|息子|嫁)(です|でございます|として|をしております|をしています|の者です)")]
    private static partial Regex WriterKin();

    // The subject is named by kin: 「息子が」「うちの子は」「72歳の父が」「義父（79歳）が」; the writer is
    // the other side. Kana kin words must start a word, or 「ではは」 would hold a mother.
    [GeneratedRegex("(?<![祖叔伯義お])(祖父|祖母|おじいちゃん|おばあちゃん|義父|義母|義兄|義姉|義弟|義妹|義理の[^、。]{1,3}|息子|娘|うちの子|子ども|子供|長男|次男|長女|次女|父親|母親|お父さん|お母さん|父|母|夫|妻|主人|旦那|嫁|兄|弟|姉|妹|孫|甥|姪|いとこ|叔父|叔母|伯父|伯母|おじ|おば"
        + "|(?<![ぁ-ゖ-[でとにをもがへや]])(ちち|はは|むすこ|むすめ|おっと|つま|あに|あね|おとうと|いもうと))(さん)?(\\([^)]*\\))?\\s?(が|は|の件|について|のこと|の(公判|裁判|出所|出院|釈放|逮捕|判決|事件)|\\d{1,3}\\s?(歳|才|さい))")]
    private static partial Regex SubjectKin();

    // 「家族のことです」: a relative writes without saying which one.
    [GeneratedRegex("家族(のこと|について|の件)")]
    private static partial Regex UnnamedKin();

    // A lawyer introduces themselves by title, title and name (「弁護士、佐藤です」), or by the
    // work only lawyers do (国選・私選で受任する, 当職).
    [GeneratedRegex("(弁護人|弁護士)(です|でございます|として|を務め|をしてお|をしてい|(の|、)[\\p{IsCJKUnifiedIdeographs}ァ-ヶー]{1,8}(です|でございます|と申します))|(国選|私選|担当)弁護|受任(し|した|して)|当職")]
    private static partial Regex LawyerSelf();

    // Right after the agency's name, in the same clause: 「保護観察所の者です」「市の障害福祉課の者です」
    // 「岐阜刑務所の社会福祉士です」. 「少年院にいます」 is where the subject is, not who writes.
    [GeneratedRegex("^(の|で|に勤め|で働)[^、。]{0,16}?(者です|者ですが|職員|担当|専門官|専門職|専門員|相談員|支援員|福祉士|ワーカー|スタッフ|看護師|医師|保健師|保護観察官|調整官|世話人|管理者|サービス管理責任者|施設長|所長|と申します|をしております|をしています)")]
    private static partial Regex AgencySelf();

    [GeneratedRegex("(福祉専門官|福祉専門職|相談支援専門員|精神保健福祉士|社会福祉士|ケースワーカー|保護観察官|社会復帰調整官|支援員|ケアマネ(ジャー)?|PSW|MSW)(です|をして|として|の[^、。]{1,8}です|と申します)")]
    private static partial Regex AgencyProfession();

    // The writer tells their own story: a first-person topic and a criminal-justice or disability
    // fact in the same sentence, in kanji or in kana, with no relative named in between.
    [GeneratedRegex("本人です|私自身の|自分のこと|(私|わたし|ぼく|僕|おれ|俺|オレ|わし|あたし|自分)(は|が|も|\\s|、)[^。]{0,30}?(出所|刑務所|少年院|出ました|出てきた|捕ま|逮捕|仮釈放|服役|保釈|裁判|執行猶予|障害|手帳|けいむしょ|でた|でてき|つかま|たいほ|しょうがい|てちょう)")]
    private static partial Regex SelfStory();

    // Anyone other than the writer whom a story could be about.
    [GeneratedRegex("本人|被疑者|被告人|対象者|利用者|受刑者|男性|女性|この方|その方|彼|息子|娘|父|母|夫|妻|主人|兄|弟|姉|妹|孫|甥|姪|叔|伯|家族"
        + "|(?<![ぁ-ゖ-[でとにをもがへや]])(ちち|はは|むすこ|むすめ|おっと|つま|あに|あね|おとうと|いもうと)(が|は|の|も|\\s)")]
    private static partial Regex SomeoneElse();

    // statesPersonalFacts: whether the message states a stage. Japanese drops the subject of a
    // sentence, and a declarative with no one else named is about the speaker: 「保釈中です。
    // 来週の金曜日が裁判です」 is written by the person on bail.
    // Someone other than the writer as the topic or subject of a sentence. 「家族によく言われます」
    // names family only as the agent, so the story may still be the writer's.
    [GeneratedRegex("(本人|被疑者|被告人|対象者|利用者|受刑者|男性|女性|この方|その方|彼|彼女|友人|友達|知人|知り合い|同僚|人|息子|娘|父|母|夫|妻|主人|兄|弟|姉|妹|孫|甥|姪|叔父|叔母|伯父|伯母|家族|ちち|はは|むすこ|むすめ|おっと|つま|あに|あね|おとうと|いもうと)(さん)?(が|は|も|の(件|こと)|\\()")]
    private static partial Regex ThirdPersonTopic();

    [GeneratedRegex("(夫|妻|主人|旦那|母|父|兄|姉|弟|妹|息子|娘|叔父|叔母|伯父|伯母)の$")]
    private static partial Regex RelativeOfRelative();

    public static WriterCue Detect(string text, bool statesPersonalFacts)
    {
        if (LawyerSelf().IsMatch(text))
        {
            return new WriterCue(AskerRole.Lawyer, null, null, null);
        }

        if (AgencyProfession().Match(text) is { Success: true } profession)
        {
            return new WriterCue(AskerRole.Supporter, null, KindOf(profession.Value), null);
        }

        foreach (var (word, kind) in Agencies)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                if (AgencySelf().IsMatch(text[(at + word.Length)..]))
                {
                    return new WriterCue(AskerRole.Supporter, null, kind, null);
                }
            }
        }

        var subject = SubjectKin().Match(text);
        var subjectWord = subject.Success ? subject.Groups[1].Value : null;
        if (WriterKin().Match(text) is { Success: true } writer)
        {
            return new WriterCue(AskerRole.Family, WriterRelation(writer.Groups[1].Value), null, subjectWord);
        }

        if (OwnStory(text))
        {
            return new WriterCue(AskerRole.Self, null, null, null);
        }

        if (subject.Success)
        {
            // 「夫の兄が」: a relative's relative is an other relative to the writer.
            var relation = RelativeOfRelative().IsMatch(text[..subject.Index]) ? Relation.OtherRelative : RelationToSubject(subjectWord!);
            return new WriterCue(AskerRole.Family, relation, null, subjectWord);
        }

        if (UnnamedKin().IsMatch(text))
        {
            return new WriterCue(AskerRole.Family, null, null, null);
        }

        return statesPersonalFacts && !ThirdPersonTopic().IsMatch(text)
            ? new WriterCue(AskerRole.Self, null, null, null)
            : new WriterCue(null, null, null, null);
    }

    /// <summary>A first-person story, unless a relative is named between 「私は」 and the event.</summary>
    private static bool OwnStory(string text) =>
        SelfStory().Matches(text).Any(m => m.Value.StartsWith("本人です", StringComparison.Ordinal)
                                           || (!SomeoneElse().IsMatch(m.Value) && !DeniedExperience().IsMatch(text[(m.Index + m.Length)..])));

    // 「私は刑務所に入ったことはありません」 denies the experience in the rest of its clause.
    [GeneratedRegex("^[^、。]{0,12}?(ことは|ことが|ことも)(ない|ありません|無い)")]
    private static partial Regex DeniedExperience();

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
        "嫁" => Relation.OtherRelative,
        _ => Relation.OtherRelative,
    };

    private static Relation RelationToSubject(string word) => word switch
    {
        "息子" or "娘" or "うちの子" or "子ども" or "子供" or "長男" or "次男" or "長女" or "次女" or "むすこ" or "むすめ" => Relation.Parent,
        "父" or "母" or "父親" or "母親" or "お父さん" or "お母さん" or "ちち" or "はは" => Relation.Child,
        "夫" or "妻" or "主人" or "旦那" or "嫁" or "おっと" or "つま" => Relation.Spouse,
        "兄" or "弟" or "姉" or "妹" or "あに" or "あね" or "おとうと" or "いもうと" => Relation.Sibling,
        "孫" => Relation.Grandparent,
        _ => Relation.OtherRelative,
    };
}
