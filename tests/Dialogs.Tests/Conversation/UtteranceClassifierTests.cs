using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Dialogs.Tests.Conversation;

public sealed class UtteranceClassifierTests
{
    // Questions as people type them: no 「？」, no 「ですか」, blunt, polite, kana only.
    public static TheoryData<string> QuestionsWithoutAQuestionMark => new()
    {
        "加算の対象になる人は",
        "フェイスシートって何",
        "フェイスシートってなに",
        "特別調整とは",
        "入口支援って",
        "センターは何をしてくれる",
        "センターってなにするところ",
        "出所はいつ",
        "医療観察法の通院はいつまで",
        "通院の期間はどのくらい",
        "鑑定入院は何か月",
        "相談の費用はいくら",
        "加算っていくらもらえるの",
        "誰が相談できるの",
        "だれに相談すればいい",
        "どこに相談すればいい",
        "生活保護の申請はどこでするの",
        "療育手帳のとりかたを教えて",
        "手帳の申請について知りたい",
        "住民票がないとどうなる",
        "身元引受人がいないときはどうすれば",
        "弁護士でも相談できるの",
        "家族でも相談できるかな",
        "うちの父も対象になるかな",
        "相談するのにお金かかるのかな",
        "障害者手帳にはどんな種類がある",
        "どんな支援が受けられるの",
        "保護観察所からの依頼書ってなんですか",
        "加算の要件を教えてください",
        "センターの電話番号を教えて",
        "センターについて教えていただきたい",
        "療育手帳の取り方を教えていただけますか",
        "療育手帳の取り方",
        "生活保護の申請方法",
        "貴センターの業務の概要についてご教示ください",
        "特別調整の対象となる要件をお示しください",
        "チャットのあとはどうなるの",
        "入力した情報は誰が見る",
        "65歳以上なら誰でも対象になりますか",
        "療育手帳がなくても支援を受けられますか",
        "社会復帰調整官って誰",
        "審判ではどんな決定が出る",
        "刑務所を出たあとの住まいはどうなる",
        "ていちゃくしえんせんたーって なにするところ",
        "かさんの たいしょうに なるひとは",
        "てちょうの しんせい どこでするの",
        "しゅっしょしたら どこにすむの",
        "せんたーに そうだんするの いくら",
        "ほごかんさつって なに",
        "つういんは いつまで",
    };

    // Answers to each of the bot's questions: none of them is a question, whatever its wording.
    public static TheoryData<string> AnswersToTheBotsQuestions => new()
    {
        // who is asking / relation
        "家族です", "母です", "父親", "息子のことです", "弁護士です", "本人です", "おれです", "妹の件です", "支援者です", "施設の職員です",
        // age
        "72歳", "七十二歳", "70代くらい", "たぶん72歳かな", "68歳だと思います", "昭和33年5月1日生まれ", "年齢はわからない", "何歳かわからない",
        // dates
        "来月の5日", "令和8年12月3日", "12/3", "来月かな", "いつ出るかわからない", "出所日はまだ決まっていません", "いつになるかは聞いていません",
        "日にちはわかりません", "来週の月曜日",
        // stage and whereabouts
        "刑務所にいます", "まだ裁判中です", "逮捕されて警察署にいます", "もう出所しました", "執行猶予がつきました", "少年院を出ました", "拘置所にいると聞いています",
        // disability and handbook
        "知的障害があります", "たぶん認知症", "障害があるかどうかわからない", "手帳は持っていません", "療育手帳あり", "申請中です", "なにもない",
        // area and housing
        "横浜市", "よこはま", "どこに帰るかまだ決めていない", "どこにも帰るところがない", "家はない", "路上で寝ています", "友人の家にいます", "実家に帰ります",
        // guarantor, probation, consent
        "いない", "誰もいない", "私が引き受けます", "保護観察はもう終わった", "保護観察中です", "本人は知っています", "まだ話せていません",
        // needs (several) and details
        "介護と通院", "住まいと仕事", "特にない", "何もないです", "お金の管理が心配です", "息子は糖尿病もあります",
        // contact and names
        "090-1234-5678", "電話はありません", "山田花子です", "やまだ はなこ", "横浜弁護士会です", "平日の午前中がいいです",
        // yes, no, unknown, hedges
        "はい", "いいえ", "わからない", "分かりません", "知らない", "不明", "どちらでもない", "そうですか", "なんとかなると思う", "いつもお世話になっています",
        "どうしてもお願いしたいです", "何度も逮捕されています", "何年も刑務所にいました", "病気なんです", "障害があるみたいなんです", "来月出るって",
        "弁護士さんに教えてもらいました", "あさって", "しあさって", "どちらとも言えない", "何とも言えません",
        "電話は夜なら何時でも大丈夫です", "どの施設でもいいです", "どんな仕事でもします", "保護観察がついているかいないか",
        "家はあるけどいつまでいられるかわからない", "何の障害かはわからないけど様子がおかしい", "どこの刑務所かは聞いていません",
        "いつ頃出られるのか気になっています", "誰に相談していいかわからない", "夕方", "平日の夕方がいいです", "母方の祖母です",
    };

    public static TheoryData<string> Stories => new()
    {
        "息子が逮捕されました。障がいがあって心配です",
        "72歳の父が来月10日に刑務所を出るのですが、帰る家がなくて困っています",
        "弟が警察につかまりました。知的障害があります",
        "母が認知症で、万引きで捕まってしまいました",
        "夫が執行猶予になりましたが、仕事も家もありません",
        "せんげつ けいむしょを でました いえが ないです",
        "娘が少年院を出たあと、どこにも帰るところがありません",
        "兄は何度も刑務所に入っていて、今回も来月出所します",
        "弁護士です。被疑者に知的障害の疑いがあり、釈放後の生活が心配です",
        "父が逮捕されましたが、いつ出てこられるかわかりません",
        "特別調整の対象者についてです。対象者は76歳男性で、満期出所は来年1月です",
        "近所の一人暮らしの男性が刑務所から帰ってきました。誰とも話していないようで心配です",
        "父が逮捕されました。警察に電話しても教えてもらえず、弁護士さんとも連絡が取れていません",
        "夫が逮捕されて10日になります。病院とのやりとりもどうしたらいいのか…",
        "息子が逮捕されました。何をどうしたらいいのか全然わかりません",
    };

    // A question that also tells a story is a question: it is answered, then the story is offered.
    public static TheoryData<string> StoriesWithAQuestion => new()
    {
        "息子が逮捕されました。障がいがあります。何をしてもらえますか",
        "父が来月出所します。住むところがないのですがどうすればいい",
        "弟が警察につかまった。知的障害がある。どうすればいい",
        "母が刑務所を出たあと、介護の申請を手伝ってもらえるの",
    };

    public static TheoryData<string> Commands => new()
    {
        "戻る", "もどる", "最初から", "やめる", "やめます", "人と話したい", "ヘルプ", "どうすればいい",
    };

    // Requests that name nothing the center is about.
    public static TheoryData<string> OutOfScope => new()
    {
        "ラーメンのおいしい店を教えて",
        "明日の天気は",
        "明日の天気はどうなりますか",
        "近くのコンビニどこ",
        "宝くじの当たる番号を教えて",
        "おいしいカレーの作り方を知りたい",
        "ラーメン食べたい",
        "スマホの機種変更をしたい",
        "今日の巨人戦の結果は",
        "駅までの行き方を教えてください",
        "東京駅への行き方",
        "年賀状の書き方",
        "ケーキのやり方",
        "おいしいカレーの作り方",
    };

    [Theory]
    [MemberData(nameof(QuestionsWithoutAQuestionMark))]
    public void A_question_is_recognised_by_what_it_says_without_a_question_mark(string text)
    {
        Assert.Equal(UtteranceKind.Question, UtteranceClassifier.Classify(text));
        Assert.Equal(UtteranceKind.Question, UtteranceClassifier.Classify(text, expectingAnswer: true));
    }

    [Theory]
    [MemberData(nameof(AnswersToTheBotsQuestions))]
    public void An_answer_is_never_taken_for_a_question(string text)
    {
        Assert.False(UtteranceClassifier.IsQuestion(text));
        Assert.Contains(UtteranceClassifier.Classify(text, expectingAnswer: true, _ => false), new[] { UtteranceKind.Answer, UtteranceKind.Story });
    }

    [Fact]
    public void No_typed_answer_of_the_whole_intake_scripts_is_taken_for_a_question()
    {
        string[][] scripts =
        [
            IntakeScripts.SelfInFreeText, IntakeScripts.FamilyInFreeText, IntakeScripts.LawyerInFreeText, IntakeScripts.SupporterInFreeText,
            IntakeScripts.SelfWithButtons, IntakeScripts.FamilyWithButtons, IntakeScripts.LawyerWithButtons, IntakeScripts.SupporterWithButtons,
        ];

        Assert.DoesNotContain(scripts.SelectMany(s => s), UtteranceClassifier.IsQuestion);
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void A_story_is_a_story_not_a_question(string text)
    {
        Assert.Equal(UtteranceKind.Story, UtteranceClassifier.Classify(text));
    }

    [Theory]
    [MemberData(nameof(StoriesWithAQuestion))]
    public void A_story_that_asks_something_is_a_question(string text)
    {
        Assert.Equal(UtteranceKind.Question, UtteranceClassifier.Classify(text));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_is_a_command(string text)
    {
        Assert.Equal(UtteranceKind.Command, UtteranceClassifier.Classify(text));
    }

    [Theory]
    [MemberData(nameof(OutOfScope))]
    public void A_request_that_names_nothing_the_center_is_about_is_out_of_scope(string text)
    {
        Assert.Equal(UtteranceKind.OutOfScope, UtteranceClassifier.Classify(text, knowledgeCovers: _ => false));
    }

    [Fact]
    public void A_term_only_the_knowledge_knows_keeps_a_question_in_scope()
    {
        Assert.Equal(UtteranceKind.OutOfScope, UtteranceClassifier.Classify("モーニングセットって何", knowledgeCovers: _ => false));
        Assert.Equal(UtteranceKind.Question, UtteranceClassifier.Classify("モーニングセットって何", knowledgeCovers: _ => true));
    }

    [Fact]
    public void While_an_answer_is_awaited_a_bare_request_is_an_answer_not_out_of_scope()
    {
        Assert.Equal(UtteranceKind.OutOfScope, UtteranceClassifier.Classify("ラーメン食べたい", knowledgeCovers: _ => false));
        Assert.Equal(UtteranceKind.Answer, UtteranceClassifier.Classify("ラーメン食べたい", expectingAnswer: true, _ => false));
    }

    [Theory]
    [InlineData("そうだんしたい")]
    [InlineData("そうだん したいです")]
    [InlineData("しえんを うけたい")]
    public void Asking_for_help_in_hiragana_is_within_what_the_center_does(string text)
    {
        Assert.Equal(UtteranceKind.Answer, UtteranceClassifier.Classify(text, knowledgeCovers: _ => false));
    }
}
