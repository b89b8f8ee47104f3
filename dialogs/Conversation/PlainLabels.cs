using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Questions;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// The やさしい日本語 form of every button label and field name (「けいむしょ・しょうねんいん」 for
/// 矯正施設). Buttons are shown with the plain label; a plain label sent back (pressed or typed) is
/// read as the standard one, so every parser keeps working on the words it knows.
/// </summary>
internal static class PlainLabels
{
    private static readonly Dictionary<string, string> ToPlainMap = new(StringComparer.Ordinal)
    {
        // Fixed buttons.
        [Phrases.StartIntake] = "そうだんを はじめる",
        [Phrases.AboutCenter] = "センターに ついて しりたい",
        [Phrases.TalkToPerson] = "ひとと はなしたい",
        [Phrases.Agree] = "はい、いいです",
        [Phrases.Disagree] = "いいえ、いやです",
        [Phrases.StartWithConsent] = "いいです。そうだんを はじめる",
        [Phrases.Send] = "これで おくる",
        [Phrases.Fix] = "なおす",
        [Phrases.Back] = "もどる",
        [Phrases.NewIntake] = "はじめから",
        [Phrases.ComeBackToCase] = "うけつけばんごうで つづきから",
        [Phrases.SeeReplies] = "センターの へんじを みる",
        [Phrases.ThatIsAll] = "これで ぜんぶ",
        [SpokenValue.DeclineLabel] = "こたえない",
        // Who is asking.
        ["本人です"] = "わたし（ほんにん）",
        ["家族・親族です"] = "かぞく・しんせき",
        ["弁護士です"] = "べんごし",
        ["支援者・関係機関です"] = "しえんを して いる 人",
        ["親（父・母）"] = "おや（ちち・はは）",
        ["配偶者（夫・妻）"] = "おっと・つま",
        ["子（息子・娘）"] = "こども",
        ["祖父母"] = "おじいさん・おばあさん",
        ["その他の親族"] = "ほかの しんせき",
        ["矯正施設（刑務所・少年院など）"] = "けいむしょ・しょうねんいん",
        ["保護観察所"] = "ほごかんさつしょ",
        ["更生保護施設"] = "こうせいほご しせつ",
        ["福祉事業所"] = "ふくしの じぎょうしょ",
        ["病院・医療機関"] = "びょういん",
        ["行政（市区町村など）"] = "やくしょ",
        ["その他"] = "そのほか",
        ["新しく支援が必要な方の相談"] = "あたらしい 人の そうだん",
        ["センターが支援中の方のこと"] = "センターが たすけて いる 人",
        ["制度や加算についての質問"] = "きまりに ついての しつもん",
        // About the person.
        ["知的障がい"] = "ちてき しょうがい",
        ["精神障がい"] = "せいしん しょうがい",
        ["身体障がい"] = "からだの しょうがい",
        ["発達障がい"] = "はったつ しょうがい",
        ["認知症の疑い"] = "にんちしょう かも しれない",
        ["療育手帳"] = "りょういく てちょう",
        ["身体障害者手帳"] = "からだの しょうがいしゃ てちょう",
        ["精神障害者保健福祉手帳"] = "せいしん しょうがいしゃ てちょう",
        ["申請中"] = "いま もうしこんで いる",
        ["持っていない"] = "もって いない",
        ["逮捕・勾留中（起訴前）"] = "けいさつに つかまって いる",
        ["起訴後・裁判中"] = "さいばんを して いる",
        ["執行猶予・罰金"] = "しっこうゆうよ・ばっきん",
        ["刑務所・少年院に入っている"] = "けいむしょ・しょうねんいんに いる",
        ["刑務所・少年院から出た"] = "けいむしょ・しょうねんいんを でた",
        ["医療観察法で入院中"] = "いりょうかんさつほうで にゅういん",
        ["医療観察法で通院中"] = "いりょうかんさつほうで つういん",
        ["勾留中"] = "つかまって いる",
        ["保釈中"] = "ほしゃくで そとに いる",
        ["少年院・鑑別所"] = "しょうねんいん・かんべつしょ",
        ["拘置所"] = "こうちしょ",
        ["刑務所"] = "けいむしょ",
        ["警察署"] = "けいさつ",
        ["病院"] = "びょういん（にゅういん）",
        ["施設"] = "しせつ",
        ["自宅・家族の家"] = "じぶんの いえ・かぞくの いえ",
        [HousingQuestion.UnstableLabel] = "いまだけ いる ところ（ともだちの いえ など）",
        ["住まい"] = "すむ ところ",
        ["障がい福祉サービス"] = "しょうがいの ふくし サービス",
        ["介護"] = "かいご",
        ["医療・通院"] = "びょういん・くすり",
        ["年金・生活保護"] = "おかね（ねんきん・せいかつほご）",
        ["手帳の申請"] = "てちょうが ほしい",
        ["日中活動・仕事"] = "しごと・ひるま いく ところ",
        ["お金の管理"] = "おかねの かんり",
        ["家族との関係"] = "かぞくの こと",
        [ContactQuestion.ThroughSupporterLabel] = "しえんの 人や しせつから",
        [ContactQuestion.VisitLabel] = "センターに いく",
        [ContactQuestion.LetterLabel] = "てがみ",
        [ContactQuestion.NoneLabel] = "れんらくさきは ない",
        ["連絡先なし"] = "れんらくさき なし",
        ["来所"] = "センターに くる",
        ["特にありません"] = "とくに ない",
        ["いつでもよい"] = "いつでも いい",
        ["平日の午前"] = "へいじつの あさ",
        ["平日の午後"] = "へいじつの ひる",
        ["夕方以降"] = "ゆうがたから あと",
        // Field names (the review, and the buttons of 「どこを直しますか？」).
        ["相談する方"] = "そうだん する 人",
        ["ご本人との関係"] = "ほんにんとの かんけい",
        ["法律事務所"] = "じむしょ",
        ["所属弁護士会"] = "べんごしかい",
        ["裁判所"] = "さいばんしょ",
        ["事件番号"] = "じけんの ばんごう",
        ["所属機関"] = "しょくば",
        ["機関の種類"] = "しょくばの しゅるい",
        ["ご用件"] = "なんの そうだん",
        ["ご本人の氏名"] = "ほんにんの なまえ",
        ["ふりがな"] = "なまえの よみかた",
        ["いる場所"] = "いま いる ところ",
        ["年齢"] = "とし",
        ["障がい"] = "しょうがい",
        ["障害者手帳"] = "しょうがいしゃ てちょう",
        ["いまの状況"] = "いまの ようす",
        ["勾留・保釈"] = "つかまって いるか",
        ["釈放・出所の予定日"] = "でる 日",
        ["次回公判期日"] = "つぎの さいばんの 日",
        ["退所日"] = "でた 日",
        ["通院決定日"] = "つういんが きまった 日",
        ["帰住予定地"] = "くらす まち",
        ["身元引受人"] = "ひきうけて くれる 人",
        ["保護観察"] = "ほごかんさつ",
        ["困っていること"] = "こまって いる こと",
        ["本人の同意"] = "ほんにんは しって いるか",
        ["相談内容"] = "そうだんの なかみ",
        ["お名前"] = "なまえ",
        ["連絡先"] = "れんらくさき",
        ["連絡の方法"] = "れんらくの しかた",
        ["連絡してよい時間"] = "れんらく して いい 時間",
        ["（未回答）"] = "（まだ こたえて いない）",
        // Ask-backs.
        [AnswerMeanings.HousingNotSettled] = "すむ いえは、まだ きまって いない。\nそういう ことですか？",
        [AnswerMeanings.HousingSettled] = "すむ いえが ある。\nそういう ことですか？",
        [AnswerMeanings.ProbationNotYet] = "いまは、ほごかんさつを うけて いない。\nそういう ことですか？",
        ["ほかの場所"] = "ほかの ところ",
    };

    private static readonly Dictionary<string, string> ToStandardMap =
        ToPlainMap.ToDictionary(p => JapaneseText.Normalize(p.Value), p => p.Key, StringComparer.Ordinal);

    /// <summary>Every standard label with its plain form.</summary>
    public static IReadOnlyDictionary<string, string> All => ToPlainMap;

    /// <summary>The plain form of a label, of each part of a 「、」 list of labels, or the text itself.</summary>
    public static string ToPlain(string label)
    {
        if (ToPlainMap.TryGetValue(label, out var plain))
        {
            return plain;
        }

        if (label.Contains('、', StringComparison.Ordinal))
        {
            return string.Join("、", label.Split('、').Select(ToPlain));
        }

        if (label.EndsWith(Question.HearsayNote, StringComparison.Ordinal))
        {
            return ToPlain(label[..^Question.HearsayNote.Length]) + "（きいた はなし）";
        }

        // 「支援者・施設・事業所を通じて（みなと事業所）」: the label, then what the person wrote.
        var detail = label.IndexOf('（', StringComparison.Ordinal);
        return detail > 0 && ToPlainMap.TryGetValue(label[..detail], out var head) ? head + label[detail..] : label;
    }

    /// <summary>The standard label a plain one stands for, when <paramref name="normalized"/> is one.</summary>
    public static string? ToStandard(string normalized) => ToStandardMap.GetValueOrDefault(normalized);
}
