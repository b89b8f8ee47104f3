using System.Text;

namespace IntakeBot.Knowledge.Retrieval;

/// <summary>
/// Longest-match replacement of spelling variants by one canonical form. Keys are written naturally here and
/// script-folded at start-up, so 「ムショ」 and 「むしょ」 are the same key. An entry that maps a word to itself
/// protects it from a shorter key inside it (じむしょ is 事務所, not 刑務所).
/// </summary>
internal sealed class VariantTable
{
    private static readonly (string Variant, string Canonical)[] Entries =
    [
        // 障害 and its spellings
        ("障がい", "障害"), ("障碍", "障害"), ("しょうがい", "障害"), ("しょうがいしゃ", "障害者"), ("しょーがい", "障害"),
        // okurigana and kana/kanji variants
        ("子ども", "子供"), ("こども", "子供"),
        ("引き受け", "引受"), ("引受け", "引受"), ("ひきうけにん", "引受人"), ("ひきうけ", "引受"), ("みもと", "身元"),
        ("受け入れ", "受入"), ("受入れ", "受入"), ("うけいれ", "受入"),
        ("引き継ぎ", "引継"), ("引継ぎ", "引継"), ("ひきつぎ", "引継"),
        ("手続き", "手続"), ("てつづき", "手続"),
        ("申し立て", "申立"), ("申立て", "申立"), ("もうしたて", "申立"),
        ("申し出", "申出"), ("申し込み", "申込"), ("申込み", "申込"), ("もうしこみ", "申込"),
        ("届け出", "届出"),
        ("打ち合わせ", "打合"), ("打合せ", "打合"), ("打ち合せ", "打合"), ("うちあわせ", "打合"),
        ("聞き取り", "聞取"), ("話し合い", "話合"), ("付き添い", "付添"), ("つきそい", "付添"),
        ("問い合わせ", "問合"), ("問合せ", "問合"), ("取り扱い", "取扱"), ("取扱い", "取扱"),
        ("ヶ月", "か月"), ("ヵ月", "か月"), ("カ月", "か月"), ("ケ月", "か月"), ("箇月", "か月"), ("かげつ", "か月"),
        // frequent misconversions
        ("拘留", "勾留"), ("監察", "観察"), ("住民表", "住民票"),
        // colloquial forms
        ("ムショ", "刑務所"), ("じむしょ", "事務所"), ("むしょう", "むしょう"), ("ナマポ", "生活保護"), ("せいほ", "生活保護"),
        ("お年寄り", "高齢者"), ("おとしより", "高齢者"), ("年寄り", "高齢者"),
        // hiragana spellings of the center's terms
        ("けいむしょ", "刑務所"), ("しゅっしょ", "出所"), ("しゅつしょ", "出所"), ("たいしょ", "退所"), ("たいしょう", "対象"),
        ("たいほ", "逮捕"), ("しゃくほう", "釈放"), ("ほしゃく", "保釈"), ("こうりゅう", "勾留"), ("きそ", "起訴"),
        ("きそく", "きそく"), ("さいばん", "裁判"), ("こうはん", "公判"), ("しっこうゆうよ", "執行猶予"),
        ("べんごし", "弁護士"), ("けいさつ", "警察"), ("しょうねんいん", "少年院"),
        ("かぞく", "家族"), ("しんぞく", "親族"), ("むすこ", "息子"), ("むすめ", "娘"),
        ("ねんきん", "年金"), ("せいかつほご", "生活保護"), ("しょとく", "所得"),
        ("てちょう", "手帳"), ("りょういく", "療育"),
        ("ほごかんさつ", "保護観察"), ("いりょうかんさつ", "医療観察"), ("かんさつ", "観察"),
        ("つういん", "通院"), ("にゅういん", "入院"), ("たいいん", "退院"), ("かんてい", "鑑定"), ("しんぱん", "審判"),
        ("かさん", "加算"), ("じゅうみんひょう", "住民票"), ("じゅうしょ", "住所"),
        ("こくみんけんこうほけん", "国民健康保険"), ("けんこうほけん", "健康保険"), ("こくほ", "国民健康保険"), ("国保", "国民健康保険"),
        ("ほけんしょう", "保険証"), ("ほけん", "保険"), ("びょういん", "病院"), ("いりょう", "医療"),
        ("ふくし", "福祉"), ("そうだん", "相談"), ("しえん", "支援"), ("ていちゃく", "定着"),
        ("ちょうせいかん", "調整官"), ("ちょうせい", "調整"), ("こうれい", "高齢"), ("にんちしょう", "認知症"),
        ("ちてき", "知的"), ("せいしん", "精神"), ("しんたい", "身体"), ("かいご", "介護"), ("しせつ", "施設"),
        ("すまい", "住まい"), ("じゅうきょ", "住居"), ("しごと", "仕事"),
        ("ほうもん", "訪問"), ("ひみつ", "秘密"), ("こじんじょうほう", "個人情報"), ("どうい", "同意"), ("どういう", "どういう"),
    ];

    private readonly Dictionary<char, (string Key, string Value)[]> byFirstChar;

    private VariantTable((string Variant, string Canonical)[] entries)
    {
        byFirstChar = entries
            .Select(e => (Key: JapaneseFolding.FoldScript(e.Variant), Value: e.Canonical))
            .GroupBy(e => e.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Key.Length).ToArray());
    }

    /// <summary>The table used by <see cref="JapaneseFolding.Fold"/>.</summary>
    public static VariantTable Instance { get; } = new(Entries);

    /// <summary>Replaces every variant in already script-folded text, longest match first, left to right.</summary>
    public string Apply(string scriptFolded)
    {
        StringBuilder? builder = null;
        var i = 0;
        while (i < scriptFolded.Length)
        {
            var matched = false;
            if (byFirstChar.TryGetValue(scriptFolded[i], out var candidates))
            {
                foreach (var (key, value) in candidates)
                {
                    if (string.CompareOrdinal(scriptFolded, i, key, 0, key.Length) == 0)
                    {
                        builder ??= new StringBuilder(scriptFolded, 0, i, scriptFolded.Length + 8);
                        builder.Append(value);
                        i += key.Length;
                        matched = true;
                        break;
                    }
                }
            }

            if (!matched)
            {
                builder?.Append(scriptFolded[i]);
                i++;
            }
        }

        return builder?.ToString() ?? scriptFolded;
    }
}
