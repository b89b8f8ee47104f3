namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Word lists that separate names from the common nouns that take the same honorifics
/// (看護師さん, 奥様, ヘルパーさん) or the same labels (施設の名前は…). Kept in one place so a
/// false positive found in the field is fixed by adding one word.
/// </summary>
internal static class NameLexicon
{
    // Relations, roles and words that stand where a name would, before an honorific.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "父", "母", "兄", "姉", "弟", "妹", "夫", "妻", "子", "孫", "嫁", "婿", "甥", "姪", "親", "祖父", "祖母",
        "叔父", "叔母", "伯父", "伯母", "義父", "義母", "父親", "母親", "両親", "息子", "娘", "長男", "次男", "三男",
        "長女", "次女", "三女", "兄弟", "姉妹", "家族", "親戚", "親族", "奥", "旦那", "主人", "皆", "各位", "一同",
        "全員", "大家", "家主", "隣", "近所", "警察", "警官", "役所", "市役所", "区役所", "相手", "店員", "運転手",
        "親方", "兄貴", "和尚", "住職", "神父", "牧師", "通訳", "友達", "友人", "知人", "彼氏", "彼女", "彼", "子供",
        "患者", "利用者", "入居者", "被害者", "加害者", "受刑者", "被告人", "被告", "被疑者", "本人", "仲間", "同僚",
        "上司", "先輩", "後輩", "国選", "私選", "当番", "担当", "顧問", "主治", "主治医", "嘱託", "専門", "担任",
        "校長", "教頭", "知事", "大臣", "刑事", "看守", "教官", "医者", "歯医者", "弁護人", "委員", "管理人",
        "後見人", "保佐人", "補助人", "保証人", "依頼人", "依頼者", "相談者", "代理人", "付添人", "大工", "先生",
        "不明", "未定", "無職", "匿名", "秘密", "内緒", "非公開", "同上", "省略", "不詳", "仮名", "偽名", "本名",
        "通称", "名字", "苗字", "氏名", "名前", "誰", "何", "神", "仏", "王", "客", "殿", "諸", "主", "某", "貴",
        "若", "細", "暴", "名", "赤", "婆", "爺", "坊", "嬢", "巡", "皇", "上", "俺", "私", "僕", "自分", "他",
        "方", "様", "君", "氏", "同", "模", "仕", "多", "異", "一", "両", "各", "有", "宮", "本", "貴方", "貴女",
        "日本人", "外国人", "老人", "個人", "法人", "犬", "猫", "女", "男", "女性", "男性", "少年", "少女", "婦人",
        "奥様", "本屋", "花屋", "魚屋", "肉屋", "米屋", "酒屋", "薬屋", "床屋", "靴屋", "質屋", "問屋", "部屋",
    };

    // Endings that make a word a role or an organisation, whatever comes before.
    private static readonly string[] NotNameEndings =
    [
        "弁護士", "介護士", "福祉士", "書士", "税理士", "保育士", "療法士", "栄養士", "消防士", "会計士", "弁護人",
        "後見人", "保証人", "依頼人", "付添人", "通訳人", "代理人", "管理人", "本人", "知人", "友人", "他人", "老人",
        "証人", "犯人", "住人", "隣人", "恋人", "主人", "個人", "法人", "日本人", "外国人", "役所", "家族", "親族",
        "会社", "病院", "施設", "商事", "商店", "工業", "建設", "医院", "学校", "学園", "警察", "委員", "担当", "子供",
        "職人", "役人", "芸人", "料理人", "商人", "仲人", "新人", "素人", "病人", "囚人", "罪人", "成人", "大人", "夫人",
        "先方", "当方", "相手方", "奥方", "裏方", "味方", "神主", "板前",
    ];

    // Single-character endings of roles (職員, 刑務官, 担当者, 警察署, 所長, 医師).
    // 士 and 人 are not here: 雄士 and 正人 are given names.
    private const string RoleEndings = "員官者署局庁課係長師婦";

    // Endings of organisations and places, only from three characters on: 田所, 花園, 氷室
    // and 土屋 are surnames, 刑務所, 幼稚園, 相談室 and 八百屋 are not.
    private const string LongWordEndings = "所院園会社館室科校屋店寮組団省家";

    private const string PlaceEndings = "都道府県市区町村郡";

    private static readonly string[] LeadingTitles =
    [
        "精神保健福祉士", "社会福祉士", "保護観察官", "被告人", "被疑者", "容疑者", "受刑者", "被害者", "加害者", "依頼人", "依頼者", "相談者",
        "弁護士", "弁護人", "担当者", "相談員", "支援員", "保護司", "刑務官", "主治医", "看護師", "本人", "被告",
        "長男", "次男", "三男", "長女", "次女", "三女", "息子", "父親", "母親", "祖父", "祖母", "叔父", "叔母",
        "伯父", "伯母", "義父", "義母", "主任", "担当", "職員", "医師", "友人", "知人", "内縁", "元妻", "元夫",
        "父", "母", "兄", "弟", "姉", "妹", "夫", "妻", "孫", "甥", "姪", "娘", "故",
    ];

    private static readonly string[] TrailingTitles =
    [
        "弁護士", "保護司", "刑務官", "看護師", "相談員", "支援員", "先生", "医師", "教授", "判事", "検事", "議員",
        "社長", "課長", "係長", "所長", "院長", "園長", "部長", "主任", "職員", "夫人",
    ];

    private static readonly HashSet<string> NotKatakanaNames = new(StringComparer.Ordinal)
    {
        "ママ", "パパ", "ボス", "ナース", "ドクター", "オーナー", "ボランティア", "ドライバー", "コーディネーター",
        "カウンセラー", "トレーナー", "アドバイザー", "サポーター", "リーダー", "メンバー", "ゲスト", "ファミリー",
        "パートナー", "ポリス", "ガードマン", "シスター", "ブラザー", "ケアマネ", "オジサン", "オバサン", "オヤジ",
        "オフクロ", "オカン", "オトン", "ダンナ", "ヨメ", "アニキ", "ヤクザ", "カノ", "カレ",
    };

    private static readonly string[] NotKatakanaNameEndings =
    [
        "ワーカー", "ヘルパー", "マネージャー", "マネジャー", "スタッフ", "センター", "ホーム", "クリニック",
        "サービス", "ステーション", "ハウス", "ショップ", "ストア", "マート", "チーム", "クラブ", "チャン",
    ];

    // Hiragana that, between a kanji word and さん, make a family word: 会社のみなさん, 山田のおばさん.
    private static readonly HashSet<string> FamilyHiragana = new(StringComparer.Ordinal)
    {
        "みな", "おじ", "おば", "じい", "ばあ", "にい", "ねえ", "かあ", "とう", "おじい", "おばあ", "おにい",
        "おねえ", "おかあ", "おとう", "おく",
    };

    // Hiragana after a name label that is an answer, not a name: 「名前はわかりません」.
    // Checked as parts, endings and whole words separately, because やまだ contains まだ
    // and ますみ starts with ます.
    private static readonly string[] NotHiraganaNameParts = ["わから", "しら", "ありま", "おしえ", "こたえ", "いえな"];

    private static readonly string[] NotHiraganaNameEndings = ["ない", "ません", "ます", "です", "でした", "ました"];

    private static readonly HashSet<string> NotHiraganaNames = new(StringComparer.Ordinal)
    {
        "まだ", "なし", "ひみつ", "ないしょ", "ふめい", "いいえ", "わたし", "ぼく", "おれ", "あなた", "ちち", "はは",
    };

    // Nouns whose 「…の名前は」 is the name of a thing, not of a person.
    private static readonly string[] ThingEndings =
    [
        "施設", "病院", "会社", "店", "学校", "薬", "病気", "病", "団体", "事務所", "作業所", "犬", "猫", "駅",
        "刑務所", "センター", "ホーム", "障害", "診断", "制度", "手帳", "番組", "商品", "サービス", "事業", "町",
        "市", "区", "村", "所", "院", "園", "会", "社", "館", "校", "屋", "署", "局", "課", "科",
    ];

    public static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー';

    public static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u3096';

    private static bool IsKanjiOrKatakana(char c) =>
        IsKatakana(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter && !IsHiragana(c);

    public static bool IsKanjiName(string name)
    {
        if (name.Length is 0 or > 8 || name[0] == '御' || NotNames.Contains(name)
            || LeadingTitles.Contains(name) || TrailingTitles.Contains(name))
        {
            return false;
        }

        if (NotNameEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
        {
            return false;
        }

        var last = name[^1];
        return !RoleEndings.Contains(last) && !(name.Length >= 3 && LongWordEndings.Contains(last));
    }

    public static bool EndsLikeAPlace(string word) => word.Length > 0 && PlaceEndings.Contains(word[^1]);

    /// <summary>
    /// Takes titles off both ends (「被告人山田」「山田弁護士」) and returns the name left, or null
    /// when nothing is left. A one-character relation is only taken off a name of two or more
    /// characters after it, because 妹尾 and 姉崎 are surnames.
    /// </summary>
    public static string? StripTitles(string name, out int strippedLeading, out bool strippedTrailing)
    {
        strippedLeading = 0;
        strippedTrailing = false;
        var core = name;

        foreach (var title in TrailingTitles)
        {
            if (core.Length > title.Length && core.EndsWith(title, StringComparison.Ordinal))
            {
                core = core[..^title.Length].TrimEnd();
                strippedTrailing = true;
                break;
            }
        }

        for (var round = 0; round < 2; round++)
        {
            var title = LeadingTitles.FirstOrDefault(t =>
                core.StartsWith(t, StringComparison.Ordinal) && core.Length - t.Length >= (t.Length == 1 ? 2 : 1));
            if (title is null)
            {
                break;
            }

            var rest = core[title.Length..];
            var trimmed = rest.TrimStart();
            strippedLeading += title.Length + (rest.Length - trimmed.Length);
            core = trimmed;
        }

        return core.Length == 0 ? null : core;
    }

    public static bool IsGivenNameInHiragana(string given) =>
        !"のがをにへでや".Contains(given[0]) && !FamilyHiragana.Contains(given);

    public static bool IsKatakanaName(string name)
    {
        var joined = name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("・", string.Empty, StringComparison.Ordinal);
        return joined.Length >= 2
            && joined.Any(c => c != 'ー')
            && !NotKatakanaNames.Contains(joined)
            && !NotKatakanaNameEndings.Any(e => joined.EndsWith(e, StringComparison.Ordinal));
    }

    public static bool IsHiraganaName(string name) =>
        name.Length is >= 2 and <= 6
        && !NotHiraganaNames.Contains(name)
        && !NotHiraganaNameParts.Any(p => name.Contains(p, StringComparison.Ordinal))
        && !NotHiraganaNameEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal));

    /// <summary>Whether the name label at <paramref name="labelIndex"/> follows 「施設の」「病院の」… and so names a thing.</summary>
    public static bool LabelIsAboutAThing(string folded, int labelIndex)
    {
        if (labelIndex < 2 || folded[labelIndex - 1] != 'の')
        {
            return false;
        }

        var end = labelIndex - 1;
        var start = end;
        while (start > 0 && end - start < 10 && IsKanjiOrKatakana(folded[start - 1]))
        {
            start--;
        }

        var owner = folded[start..end];
        return owner.Length > 0 && ThingEndings.Any(e => owner.EndsWith(e, StringComparison.Ordinal));
    }
}
