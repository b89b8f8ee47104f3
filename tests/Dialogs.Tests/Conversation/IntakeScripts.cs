namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>Whole intakes as a person would type them: once with button labels only, once in free text.</summary>
internal static class IntakeScripts
{
    /// <summary>The button that ends a 「あてはまるものをすべて」 question.</summary>
    public const string ThatIsAll = "これで全部";

    /// <summary>
    /// The first <paramref name="count"/> answers of a script with buttons, each with the 「これで全部」
    /// that closes its 「ほかにもありますか？」, so a test can stop after any question.
    /// </summary>
    public static string[] Answers(this string[] script, int count)
    {
        var taken = new List<string>();
        for (var i = 0; i < script.Length && count > 0; i++, count--)
        {
            taken.Add(script[i]);
            if (i + 1 < script.Length && script[i + 1] == ThatIsAll)
            {
                taken.Add(script[++i]);
            }
        }

        return [.. taken];
    }

    public static readonly string[] SelfWithButtons =
    [
        "相談を始める", "同意する", "本人です", "45", "知的障がい", "これで全部", "療育手帳", "これで全部",
        "刑務所・少年院から出た", "2026年10月1日", "神奈川県", "ない", "はい", "住まい", "これで全部", "山田 太郎", "やまだ たろう",
        "090-1234-5678", "いつでもよい",
    ];

    public static readonly string[] SelfInFreeText =
    [
        "相談したいです", "はい", "自分のことです", "４５さい", "知的", "ない", "りょういく手帳をもってます", "ない",
        "先月刑務所を出ました", "10月1日", "横浜市", "家がない", "うん", "住むところと仕事", "山田太郎", "ヤマダタロウです", "０９０１２３４５６７８",
        "午後ならいつでも",
    ];

    public static readonly string[] FamilyWithButtons =
    [
        "相談を始める", "同意する", "家族・親族です", "親（父・母）", "72", "認知症の疑い", "これで全部", "持っていない",
        "刑務所・少年院に入っている", "2026年12月10日", "神奈川県", "ない", "いない", "住まい", "これで全部", "はい",
        "来月出所するが帰る家がない", "山田 一郎", "やまだ いちろう", "刑務所", "山田 花子", "090-1111-2222", "平日の午後",
    ];

    public static readonly string[] FamilyInFreeText =
    [
        "相談したい", "同意します", "母です", "七十二歳", "もの忘れがひどい", "ほかにはない", "ないです", "刑務所にいます",
        "来月10日", "神奈川県横浜市", "ありません", "いません", "住むところと介護", "知っています", "帰る家がなくて困っています", "息子の名前は山田一郎です", "やまだいちろう", "横浜刑務所にいます", "山田花子",
        "hanako@example.jp", "夕方以降",
    ];

    public static readonly string[] LawyerWithButtons =
    [
        "相談を始める", "同意する", "弁護士です", "みなと法律事務所", "神奈川県弁護士会", "68", "知的障がい", "これで全部",
        "療育手帳", "これで全部", "起訴後・裁判中", "勾留中", "2026年11月30日", "神奈川県", "ない", "いない",
        "住まい", "これで全部", "はい", "保釈後の生活の場を探しています", "横浜地方裁判所", "令和8年(わ)第123号", "田中 三郎（たなか さぶろう）", "拘置所", "鈴木 一郎", "045-123-4567", "いつでもよい",
    ];

    public static readonly string[] LawyerInFreeText =
    [
        "相談したいのですが", "はい", "弁護人です", "みなと法律事務所", "神奈川県弁護士会", "昭和33年5月1日生まれ", "知的障害の疑い", "以上です",
        "療育手帳あり", "それだけです", "起訴されて公判中です", "勾留されています", "12月3日", "東京都新宿区", "わからない", "わからない",
        "住まいと福祉サービス", "はい、本人も同意しています", "次回公判までに受け入れ先を調整したい", "横浜地裁川崎支部です", "令和８年（わ）第１２３号", "田中三郎と聞いています", "わからない", "横浜拘置支所にいます", "鈴木一郎", "03-1234-5678", "平日の午前",
    ];

    public static readonly string[] SupporterWithButtons =
    [
        "相談を始める", "同意する", "支援者・関係機関です", "みなと相談支援事業所", "福祉事業所", "センターが支援中の方のこと", "50", "精神障がい",
        "これで全部", "精神障害者保健福祉手帳", "これで全部", "刑務所・少年院から出た", "2025年4月1日", "神奈川県", "ある", "いいえ",
        "医療・通院", "これで全部", "はい", "通院が途切れがちです", "答えない", "自宅・家族の家", "佐藤 次郎", "045-987-6543", "平日の午前",
    ];

    public static readonly string[] SupporterInFreeText =
    [
        "相談です", "同意", "保護観察所の者です", "横浜保護観察所", "新しく支援が必要な方の相談", "66歳", "わからない", "わからない",
        "医療観察法で通院中", "令和7年4月1日", "神奈川県川崎市", "あります", "年金と生活保護", "これで全部", "はい、同意を得ています", "生活保護の申請を手伝ってほしい", "高橋五郎さん", "たかはしごろう", "わからない",
        "佐藤次郎", "sato@example.go.jp", "9時から17時",
    ];
}
