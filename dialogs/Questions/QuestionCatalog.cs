using IntakeBot.Dialogs.Center;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// Every intake question, in the order of the flow. 本人 gets the plain wording
/// (やさしい日本語, short, spaced); everyone else the standard one.
/// </summary>
public sealed class QuestionCatalog
{
    private readonly Dictionary<IntakeStep, Question> _questions;

    public QuestionCatalog(CenterProfile center)
    {
        _questions = Build(center).ToDictionary(q => q.Step);
    }

    public IReadOnlyCollection<Question> All => _questions.Values;

    public bool IsQuestion(IntakeStep step) => _questions.ContainsKey(step);

    public Question this[IntakeStep step] => _questions[step];

    public static IReadOnlyList<Choice<AskerRole>> RoleChoices { get; } =
    [
        new(AskerRole.Self, "本人です", "本人", "自分", "私自身", "わたし自身", "じぶん", "ほんにん", "私のこと", "自分のこと", "わたしのこと"),
        new(AskerRole.Family, "家族・親族です", "家族", "親族", "親戚", "母", "父", "親", "息子", "娘", "妻", "夫", "兄", "姉", "弟", "妹",
            "祖母", "祖父", "孫", "おじ", "おば", "いとこ", "きょうだい", "かぞく", "主人", "旦那"),
        new(AskerRole.Lawyer, "弁護士です", "弁護士", "弁護人", "国選", "私選", "法律事務所", "べんごし"),
        new(AskerRole.Supporter, "支援者・関係機関です", "支援者", "関係機関", "保護観察所", "保護観察官", "社会復帰調整官", "刑務官",
            "刑務所の職員", "少年院の職員", "矯正施設", "更生保護施設", "事業所", "施設の職員", "施設職員", "病院", "市役所", "区役所",
            "役所", "役場", "福祉事務所", "相談支援", "ケースワーカー", "社会福祉士", "精神保健福祉士", "支援員", "行政", "職員"),
    ];

    public static IReadOnlyList<Choice<Relation>> RelationChoices { get; } =
    [
        new(Relation.Parent, "親（父・母）", "母", "父", "親", "お母さん", "お父さん", "母親", "父親", "はは", "ちち", "継母", "継父", "おかあさん", "おとうさん"),
        new(Relation.Spouse, "配偶者（夫・妻）", "妻", "夫", "配偶者", "主人", "旦那", "嫁", "家内", "パートナー", "内縁", "つま", "おっと"),
        new(Relation.Child, "子（息子・娘）", "息子", "娘", "子ども", "子供", "こども", "むすこ", "むすめ"),
        new(Relation.Sibling, "きょうだい", "兄", "姉", "弟", "妹", "兄弟", "姉妹", "兄妹", "姉弟", "あに", "あね", "おとうと", "いもうと"),
        new(Relation.Grandparent, "祖父母", "祖母", "祖父", "おばあちゃん", "おじいちゃん", "そぼ", "そふ"),
        new(Relation.OtherRelative, "その他の親族", "その他", "親戚", "おじ", "おば", "いとこ", "孫", "甥", "姪"),
    ];

    public static IReadOnlyList<Choice<SupporterKind>> SupporterKindChoices { get; } =
    [
        new(SupporterKind.CorrectionalFacility, "矯正施設（刑務所・少年院など）", "矯正施設", "刑務所", "少年院", "拘置所", "刑務官", "矯正"),
        new(SupporterKind.ProbationOffice, "保護観察所", "保護観察所", "保護観察官", "社会復帰調整官"),
        new(SupporterKind.RehabilitationFacility, "更生保護施設", "更生保護"),
        new(SupporterKind.WelfareProvider, "福祉事業所", "事業所", "相談支援", "グループホーム", "作業所", "就労継続", "B型", "介護", "福祉施設"),
        new(SupporterKind.Hospital, "病院・医療機関", "病院", "クリニック", "医療機関", "精神科"),
        new(SupporterKind.Government, "行政（市区町村など）", "市役所", "区役所", "役所", "役場", "福祉事務所", "行政", "自治体", "県庁"),
        new(SupporterKind.Other, "その他", "その他", "NPO", "民生委員"),
    ];

    public static IReadOnlyList<Choice<SupporterPurpose>> SupporterPurposeChoices { get; } =
    [
        new(SupporterPurpose.NewReferral, "新しく支援が必要な方の相談", "紹介", "新規", "依頼", "新しく", "相談したい方"),
        new(SupporterPurpose.FollowUp, "センターが支援中の方のこと", "フォローアップ", "支援中", "受け入れ", "受け入れている", "利用している", "すでに"),
        new(SupporterPurpose.Question, "制度や加算についての質問", "加算", "制度", "質問", "要件"),
    ];

    public static IReadOnlyList<Choice<Disability>> DisabilityChoices { get; } =
    [
        new(Disability.Intellectual, "知的障がい", "知的", "療育", "IQ", "ちてき"),
        new(Disability.Mental, "精神障がい", "精神", "うつ", "統合失調", "双極", "精神疾患", "せいしん"),
        new(Disability.Physical, "身体障がい", "身体", "車いす", "車椅子", "肢体", "目が見えない", "耳が聞こえない", "足が不自由"),
        new(Disability.Developmental, "発達障がい", "発達", "自閉", "ADHD", "アスペルガー", "ASD", "はったつ"),
        new(Disability.SuspectedDementia, "認知症の疑い", "認知症", "物忘れ", "もの忘れ", "ボケ", "にんちしょう"),
        new(Disability.None, "ない", "障がいはない", "障害はない", "なし", "ありません"),
    ];

    public static IReadOnlyList<Choice<Handbook>> HandbookChoices { get; } =
    [
        new(Handbook.Ryoiku, "療育手帳", "療育", "愛の手帳", "みどりの手帳", "りょういく"),
        new(Handbook.Physical, "身体障害者手帳", "身体"),
        new(Handbook.Mental, "精神障害者保健福祉手帳", "精神"),
        new(Handbook.Applying, "申請中", "申請している", "申し込み中", "しんせい"),
        new(Handbook.None, "持っていない", "持ってない", "もってない", "ない", "なし", "ありません", "持っていません", "もっていない", "もっていません"),
    ];

    public static IReadOnlyList<Choice<Stage>> StageChoices { get; } =
    [
        new(Stage.Arrested, "逮捕・勾留中（起訴前）", "逮捕", "勾留", "留置", "警察", "取り調べ", "捕まった", "被疑者", "起訴前", "起訴されていない", "起訴はまだ",
            "たいほ", "つかまった", "つかまって", "けいさつ", "りゅうち"),
        new(Stage.OnTrial, "起訴後・裁判中", "起訴", "裁判", "公判", "被告", "保釈", "拘置所", "さいばん", "こうちしょ", "ほしゃく"),
        new(Stage.SuspendedOrFined, "執行猶予・罰金", "執行猶予", "猶予", "罰金", "略式", "しっこうゆうよ", "ゆうよ", "ばっきん"),
        new(Stage.InFacility, "刑務所・少年院に入っている", "刑務所", "少年院", "服役", "受刑", "矯正施設", "入所中", "ムショ", "けいむしょ", "しょうねんいん",
            "むしょ"),
        new(Stage.Released, "刑務所・少年院から出た", "出所", "退所", "出院", "仮釈放", "満期", "刑務所から出", "刑務所を出", "少年院から出",
            "少年院を出", "ムショを出", "ムショから出", "しゅっしょ", "けいむしょをで", "けいむしょからで", "しょうねんいんをで", "しょうねんいんからで", "むしょをで", "むしょからで",
            "刑務所をで", "刑務所からで", "かりしゃくほう", "まんき"),
        new(Stage.MtaInpatient, "医療観察法で入院中", "医療観察法の入院", "医療観察法で入院", "指定入院", "鑑定入院"),
        new(Stage.MtaOutpatient, "医療観察法で通院中", "医療観察法の通院", "医療観察法で通院", "通院決定", "退院許可"),
    ];

    public static IReadOnlyList<Choice<Custody>> CustodyChoices { get; } =
    [
        new(Custody.Detained, "勾留中", "勾留", "拘置所", "捕まっている", "出られない", "こうりゅう", "こうちしょ"),
        new(Custody.OnBail, "保釈中", "保釈", "在宅", "家にいる", "外にいる", "家にいます", "ほしゃく"),
    ];

    public static IReadOnlyList<Choice<Need>> NeedChoices { get; } =
    [
        new(Need.Housing, "住まい", "住む所", "住むところ", "住む場所", "住む家", "住居", "アパート", "帰る家", "家がない", "家を探", "すむところ", "すまい", "家と", "と家"),
        new(Need.DisabilityServices, "障がい福祉サービス", "障害福祉", "障がい福祉", "福祉サービス", "ヘルパー", "グループホーム", "へるぱー"),
        new(Need.ElderlyCare, "介護", "老人ホーム", "デイサービス", "ケアマネ", "介護保険", "かいご"),
        new(Need.Medical, "医療・通院", "医療", "通院", "病院", "薬", "治療", "入院", "びょういん", "くすり", "つういん"),
        new(Need.IncomeSupport, "年金・生活保護", "年金", "生活保護", "お金がない", "生活費", "収入", "ねんきん", "せいかつほご", "おかねがない"),
        new(Need.HandbookApplication, "手帳の申請", "手帳"),
        new(Need.DaytimeActivity, "日中活動・仕事", "仕事", "働き", "働く", "就労", "日中活動", "作業所", "しごと", "はたらき"),
        new(Need.MoneyManagement, "お金の管理", "金銭管理", "お金の管理", "借金", "浪費"),
        new(Need.FamilyRelations, "家族との関係", "家族関係", "家族との", "親子関係"),
        new(Need.Other, "その他", "その他", "ほか"),
    ];

    /// <summary>
    /// The standard wording, or in the plain mode (やさしい日本語) <paramref name="plain"/>, which speaks to
    /// 本人 as 「あなた」; <paramref name="plainOther"/> is the plain wording for someone asking about 本人.
    /// </summary>
    private static Func<IntakeRecord, bool, string> Say(string standard, string plain, string? plainOther = null) =>
        (record, isPlain) => !isPlain ? standard : record.Role == AskerRole.Self || plainOther is null ? plain : plainOther;

    private static IEnumerable<Question> Build(CenterProfile center)
    {
        yield return new ChoiceQuestion<AskerRole>(
            IntakeStep.AskerRole, "相談する方",
            Say("はじめに、あなたのことを教えてください。どなたからのご相談ですか？",
                "はじめに、あなたの ことを おしえて ください。\nだれの そうだん ですか？"),
            RoleChoices, r => r.Role, (r, v) => r.Role = v,
            alsoAnswers: PrefillFromRole)
        {
            PlainExample = "れい：わたし、かぞく",
        };

        yield return new ChoiceQuestion<Relation>(
            IntakeStep.Relation, "ご本人との関係",
            Say("ご本人（支援が必要な方）とのご関係を教えてください。",
                "ほんにん（たすけが ひつような 人）は、あなたの だれですか？"),
            RelationChoices, r => r.Relation, (r, v) => r.Relation = v, reading: AnswerMeanings.RelationFromSubject)
        {
            PlainExample = "れい：はは、むすこ",
        };

        yield return new TextQuestion(
            IntakeStep.LawyerOffice, "法律事務所",
            Say("法律事務所の名前を教えてください。", "じむしょの なまえを おしえて ください。"),
            "例：「みなと法律事務所」", r => r.LawyerOffice, (r, v) => r.LawyerOffice = v, maxLength: 100, isName: true)
        {
            PlainExample = "れい：みなと ほうりつ じむしょ",
        };

        yield return new TextQuestion(
            IntakeStep.BarAssociation, "所属弁護士会",
            Say("所属の弁護士会を教えてください。", "べんごしかいの なまえを おしえて ください。"),
            "例：「神奈川県弁護士会」「第一東京弁護士会」", r => r.BarAssociation, (r, v) => r.BarAssociation = v, maxLength: 50, isName: true)
        {
            PlainExample = "れい：かながわけん べんごしかい",
        };

        yield return new OptionalTextQuestion(
            IntakeStep.Court, "裁判所",
            Say("担当の裁判所（支部）を教えてください。起訴前などでまだなければ「答えない」か「わからない」を押してください。",
                "さいばんしょの なまえを おしえて ください。\nまだ きまって いなければ「わからない」を おして ください。"),
            "例：「横浜地方裁判所 川崎支部」", r => r.Court, (r, v) => r.Court = v, maxLength: 60)
        {
            PlainExample = "れい：よこはま ちほう さいばんしょ",
        };

        yield return new OptionalTextQuestion(
            IntakeStep.CaseNumber, "事件番号",
            Say("事件番号を教えてください。", "じけんの ばんごうを おしえて ください。"),
            "例：「令和8年(わ)第123号」", r => r.CaseNumber, (r, v) => r.CaseNumber = v, maxLength: 40,
            problem: v => v.Any(c => char.IsAsciiDigit(c) || "一二三四五六七八九十〇".Contains(c)) ? null : "番号がわかる形で書いてください。",
            storeNormalized: true)
        {
            PlainExample = "れい：令和8年(わ)第123号",
        };

        yield return new TextQuestion(
            IntakeStep.OrganizationName, "所属機関",
            Say("ご所属の機関・事業所の名前を教えてください。", "あなたの しょくばの なまえを おしえて ください。"),
            "例：「○○保護観察所」「○○相談支援事業所」", r => r.OrganizationName, (r, v) => r.OrganizationName = v, maxLength: 100, isName: true)
        {
            PlainExample = "れい：みなと そうだん しえん じぎょうしょ",
        };

        yield return new ChoiceQuestion<SupporterKind>(
            IntakeStep.SupporterKind, "機関の種類",
            Say("どのような機関ですか？", "どんな しょくば ですか？"),
            SupporterKindChoices, r => r.SupporterKind, (r, v) => r.SupporterKind = v)
        {
            PlainExample = "れい：びょういん、やくしょ",
        };

        yield return new ChoiceQuestion<SupporterPurpose>(
            IntakeStep.SupporterPurpose, "ご用件",
            Say("ご用件はどれに近いですか？", "なんの そうだん ですか？ ちかい ものを えらんで ください。"),
            SupporterPurposeChoices, r => r.SupporterPurpose, (r, v) => r.SupporterPurpose = v)
        {
            PlainExample = "れい：あたらしい 人の そうだん",
        };

        yield return new SubjectNameQuestion(
            IntakeStep.SubjectName, "ご本人の氏名",
            Say("ご本人（支援が必要な方）のお名前を教えてください。ふりがなもわかれば、「山田 太郎（やまだ たろう）」のように書いてください。",
                "あなたの なまえを おしえて ください。\nよみかたも かいて ください。\nれい：山田 太郎（やまだ たろう）",
                "ほんにんの なまえを おしえて ください。\nよみかたも かいて ください。\nれい：山田 太郎（やまだ たろう）"))
        {
            PlainExample = "れい：山田 太郎（やまだ たろう）",
        };

        yield return new NameKanaQuestion(
            IntakeStep.SubjectNameKana, "ふりがな",
            Say("お名前のふりがなを、ひらがなで教えてください。", "なまえの よみかたを ひらがなで かいて ください。"))
        {
            PlainExample = "れい：やまだ たろう",
        };

        yield return new WhereaboutsQuestion(
            IntakeStep.Whereabouts, "いる場所",
            Say("ご本人はいま、どこにいますか？ 警察署・拘置所・刑務所・少年院・病院・施設などと、わかれば名前も教えてください（例：「横浜拘置支所」）。",
                "あなたは いま、どこに いますか？\nばしょの なまえも わかれば かいて ください。",
                "ほんにんは いま、どこに いますか？\nばしょの なまえも わかれば かいて ください。"))
        {
            PlainExample = "れい：けいさつ、びょういん、じたく",
        };

        yield return new AgeQuestion(
            IntakeStep.SubjectAge, "年齢",
            Say("ご本人（支援が必要な方）の年齢、または生年月日を教えてください。",
                "あなたは なんさい ですか？\nうまれた 日 でも いいです。",
                "ほんにんは なんさい ですか？\nうまれた 日 でも いいです。"))
        {
            PlainExample = "れい：45さい、1980ねん 5がつ 3にち",
        };

        yield return new MultiChoiceQuestion<Disability>(
            IntakeStep.Disabilities, "障がい",
            Say("ご本人に障がいや、その疑いはありますか？ あてはまるものをすべて教えてください（診断がなくてもかまいません）。",
                "しょうがい（障がい）は ありますか？\nあてはまる ものを ぜんぶ えらんで ください。",
                "ほんにんに しょうがい（障がい）は ありますか？\nあてはまる ものを ぜんぶ えらんで ください。"),
            DisabilityChoices, r => r.Disabilities, none: Disability.None)
        {
            PlainExample = "れい：ちてき しょうがい、ない",
        };

        yield return new MultiChoiceQuestion<Handbook>(
            IntakeStep.Handbooks, "障害者手帳",
            Say("ご本人は障害者手帳を持っていますか？",
                "しょうがいしゃ てちょうを もって いますか？",
                "ほんにんは しょうがいしゃ てちょうを もって いますか？"),
            HandbookChoices, r => r.Handbooks, none: Handbook.None)
        {
            PlainExample = "れい：りょういく てちょう、もって いない",
        };

        yield return new ChoiceQuestion<Stage>(
            IntakeStep.Stage, "いまの状況",
            Say("ご本人はいま、どの段階にいますか？",
                "あなたは いま、どんな ようす ですか？\nちかい ものを えらんで ください。",
                "ほんにんは いま、どんな ようす ですか？\nちかい ものを えらんで ください。"),
            StageChoices, r => r.Stage, (r, v) => r.Stage = v, allowsUnknown: true)
        {
            PlainExample = "れい：けいむしょを でた",
        };

        yield return new ChoiceQuestion<Custody>(
            IntakeStep.Custody, "勾留・保釈",
            Say("ご本人はいま、勾留中ですか？ 保釈中ですか？",
                "あなたは いま、つかまって いますか？\nそとに いますか？",
                "ほんにんは いま、つかまって いますか？\nそとに いますか？"),
            CustodyChoices, r => r.Custody, (r, v) => r.Custody = v, allowsUnknown: true)
        {
            PlainExample = "れい：つかまって いる、そとに いる",
        };

        yield return new DateQuestion(
            IntakeStep.ReleaseDate, "釈放・出所の予定日",
            (r, plain) => (plain, r.Stage) switch
            {
                (true, _) => r.Role == AskerRole.Self ? "でる 日は いつですか？\nよていの 日で いいです。" : "ほんにんが でる 日は いつですか？\nよていの 日で いいです。",
                (_, Stage.Arrested) => "釈放の見込み日（勾留の満期日など）がわかれば教えてください。",
                (_, Stage.MtaInpatient) => "退院の予定日がわかれば教えてください。",
                _ => "出所（退所）の予定日を教えてください。",
            },
            DateExpectation.TodayOrFuture, r => r.ReleaseDate, (r, v) => r.ReleaseDate = v)
        {
            PlainExample = "れい：4がつ 10にち、らいげつ",
        };

        yield return new DateQuestion(
            IntakeStep.HearingDate, "次回公判期日",
            Say("次の公判期日（裁判の日）を教えてください。", "つぎの さいばんの 日は いつですか？"),
            DateExpectation.TodayOrFuture, r => r.HearingDate, (r, v) => r.HearingDate = v)
        {
            PlainExample = "れい：4がつ 10にち",
        };

        yield return new DateQuestion(
            IntakeStep.LeftFacilityDate, "退所日",
            Say("刑務所・少年院などを出た日を教えてください。", "でた 日は いつですか？", "ほんにんが でた 日は いつですか？"),
            DateExpectation.PastOrToday, r => r.LeftFacilityDate, (r, v) => r.LeftFacilityDate = v)
        {
            PlainExample = "れい：3がつ 1にち、せんげつ",
        };

        yield return new DateQuestion(
            IntakeStep.OutpatientDecisionDate, "通院決定日",
            Say("医療観察法の通院決定（または退院許可決定）を受けた日を教えてください。",
                "つういんが きまった 日は いつですか？"),
            DateExpectation.PastOrToday, r => r.OutpatientDecisionDate, (r, v) => r.OutpatientDecisionDate = v)
        {
            PlainExample = "れい：3がつ 1にち",
        };

        yield return new AreaQuestion(
            IntakeStep.ReturnArea, "帰住予定地",
            (r, plain) => (plain, r.Stage) switch
            {
                (true, _) => r.Role == AskerRole.Self ? "どこの まちで くらしたい ですか？" : "ほんにんは どこの まちで くらしますか？",
                (_, Stage.Released or Stage.SuspendedOrFined or Stage.MtaOutpatient) => "ご本人がいま住んでいる（または住む予定の）地域を、都道府県と市区町村で教えてください。",
                _ => "釈放・出所のあとに住む予定の地域を、都道府県と市区町村で教えてください。",
            },
            center.Prefecture)
        {
            PlainExample = "れい：よこはま、神奈川県 横浜市",
        };

        yield return new HousingQuestion(
            IntakeStep.Housing, "住まい",
            (r, plain) => (plain, r.Stage) switch
            {
                (true, _) => r.Role == AskerRole.Self ? "すむ ところは ありますか？" : "ほんにんの すむ ところは ありますか？",
                (_, Stage.Released or Stage.SuspendedOrFined or Stage.MtaOutpatient) => "ご本人に、いま住む場所はありますか？",
                _ => "釈放・出所のあとに住む場所は決まっていますか？",
            })
        {
            PlainExample = "れい：ある、ない、ともだちの いえに いる",
        };

        yield return new YesNoQuestion(
            IntakeStep.Guarantor, "身元引受人",
            Say("身元引受人（釈放・出所のあとにご本人を受け入れる人）はいますか？",
                "でた あとに、いっしょに いて くれる 人は いますか？",
                "でた あとに、ほんにんを ひきうけて くれる 人は いますか？"),
            r => r.HasGuarantor, (r, v) => r.HasGuarantor = v, yes: "いる", no: "いない", meaning: AnswerMeanings.Guarantor)
        {
            PlainExample = "れい：いる、いない、わからない",
        };

        yield return new YesNoQuestion(
            IntakeStep.Probation, "保護観察",
            Say("ご本人はいま、保護観察を受けていますか？", "いま、ほごかんさつを うけて いますか？", "ほんにんは いま、ほごかんさつを うけて いますか？"),
            r => r.OnProbation, (r, v) => r.OnProbation = v, meaning: AnswerMeanings.Probation)
        {
            PlainExample = "れい：はい、いいえ、わからない",
        };

        yield return new MultiChoiceQuestion<Need>(
            IntakeStep.Needs, "困っていること",
            Say("どのようなことで困っていますか？ あてはまるものをすべて教えてください。",
                "こまって いる ことは なんですか？\nいくつ えらんでも いいです。",
                "ほんにんが こまって いる ことは なんですか？\nいくつ えらんでも いいです。"),
            NeedChoices, r => r.Needs)
        {
            PlainExample = "れい：すむ ところ、しごと",
        };

        yield return new YesNoQuestion(
            IntakeStep.SubjectAgrees, "本人の同意",
            Say("ご本人は、この相談のことを知っていて、同意していますか？",
                "ほんにんは、この そうだんを しって いますか？\nそうだん しても いいと いって いますか？"),
            r => r.SubjectAgrees, (r, v) => r.SubjectAgrees = v, meaning: AnswerMeanings.SubjectAgrees)
        {
            PlainExample = "れい：はい、いいえ、わからない",
        };

        yield return new TextQuestion(
            IntakeStep.Details, "相談内容",
            (r, plain) => (plain, r.SupporterPurpose == SupporterPurpose.Question) switch
            {
                (true, _) => "こまって いる ことを じゆうに かいて ください。",
                (false, true) => "ご質問の内容を書いてください。",
                (false, false) => "ご相談の内容や、困っていることを自由に書いてください。",
            },
            "例：「来月出所するが、帰る場所がない」", r => r.Details, (r, v) => r.Details = v, maxLength: 1000,
            options: ["特にありません"])
        {
            PlainExample = "れい：すむ ところを さがしたい",
        };

        yield return new TextQuestion(
            IntakeStep.AskerName, "お名前",
            Say("センターから連絡するために、あなたのお名前を教えてください。",
                "あなたの なまえを おしえて ください。\nセンターから れんらく する ときに つかいます。"),
            "例：「山田 花子」", r => r.AskerName, (r, v) => r.AskerName = v, maxLength: 50, isName: true)
        {
            PlainExample = "れい：山田 花子",
        };

        yield return new ContactQuestion(
            IntakeStep.Contact, "連絡先",
            Say("連絡先の電話番号か、メールアドレスを教えてください。電話やメールがなければ、下のボタンからほかの方法を選んでください。",
                "でんわばんごうか メールを おしえて ください。\nでんわが なければ、したの ボタンから えらんで ください。"))
        {
            PlainExample = "れい：090-1234-5678",
        };

        yield return new OptionalTextQuestion(
            IntakeStep.ContactVia, "連絡の方法",
            (r, plain) => r.ContactWay == ContactWay.Letter
                ? Say("手紙の送り先（住所と宛名）を教えてください。", "てがみを おくる ところ（じゅうしょ）を おしえて ください。")(r, plain)
                : Say("どなたを通じて連絡すればよいですか？ 機関・事業所の名前と、担当の方の名前を教えてください。",
                    "だれに れんらく すれば いいですか？\nしせつの なまえと、たんとうの 人の なまえを おしえて ください。")(r, plain),
            "例：「みなと相談支援事業所の田中さん」", r => r.ContactVia, (r, v) => r.ContactVia = v, maxLength: 100)
        {
            PlainExample = "れい：みなと じぎょうしょの たなかさん",
        };

        yield return new TextQuestion(
            IntakeStep.ContactTime, "連絡してよい時間",
            Say("センターから連絡してよい時間帯を教えてください。", "でんわ しても いい 時間は いつですか？", "れんらく しても いい 時間は いつですか？"),
            "例：「平日の午後」「いつでもよい」", r => r.ContactTime, (r, v) => r.ContactTime = v, maxLength: 100,
            options: ["いつでもよい", "平日の午前", "平日の午後", "夕方以降"])
        {
            PlainExample = "れい：ごご、いつでも いい",
        };
    }

    /// <summary>「母です」 says both who is asking and the relation; 「保護観察所の者です」 the kind of agency.</summary>
    private static IReadOnlyList<IntakeStep> PrefillFromRole(string text, IntakeRecord record)
    {
        // The generic words name the role, not a relation (「親族」 contains 「親」).
        text = JapaneseText.Normalize(text)
            .Replace("親族", string.Empty, StringComparison.Ordinal)
            .Replace("家族", string.Empty, StringComparison.Ordinal);
        if (record.Role == AskerRole.Family && AnswerMeanings.RelationFromSubject(text) is { } writer)
        {
            // 「息子のことで」: the son is the subject, so the writer is a parent, not a child.
            record.Relation = writer;
            return [IntakeStep.Relation];
        }

        switch (record.Role)
        {
            case AskerRole.Family when AnswerParsers.Choice(text, RelationChoices) is { IsValue: true } relation
                                       && relation.Value != Relation.OtherRelative:
                record.Relation = relation.Value;
                return [IntakeStep.Relation];
            case AskerRole.Supporter when AnswerParsers.Choice(text, SupporterKindChoices) is { IsValue: true } kind
                                          && kind.Value != SupporterKind.Other:
                record.SupporterKind = kind.Value;
                return [IntakeStep.SupporterKind];
            default:
                return [];
        }
    }
}
