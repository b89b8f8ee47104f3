using System.Text;
using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>
/// Tells a question from an answer, a story, a command or an out-of-scope request by what the message
/// says: question words (何・どこ・いつ・誰・いくら…) used as questions, question endings with or without
/// 「？」 (〜は, 〜の, 〜かな, って何, とは), requests for information (教えて, 知りたい) and whether it names
/// anything the center or its knowledge is about. Precision on answers comes first: an answer taken for a
/// question is an answer lost, so 「何もない」「いつ出るかわからない」「72歳かな」 stay answers.
/// </summary>
public static partial class UtteranceClassifier
{
    // As the conversation reads stories: shorter messages are single answers.
    private const int StoryMinLength = 15;

    // Question words, folded to hiragana where they are written in kana.
    private static readonly string[] QuestionWords =
    [
        "どのくらい", "どれくらい", "どのぐらい", "どれぐらい", "どうして", "どうすれば", "どうしたら", "どうやって", "どういう", "どのような",
        "何か月", "何かげつ", "何ヶ月", "何カ月", "なんかげつ", "なんさい", "なんねん", "なんにち", "なんじ", "なんかい", "なんにん", "なんばん", "なんの",
        "なんですか", "なんでしょう", "なんだろう", "なんで", "なぜ", "なに", "何", "どう", "どの", "どこ", "どんな", "どれ", "どちら", "どっち", "いつ", "いくら", "いくつ", "誰", "だれ",
    ];

    // The same words where they do not ask (「何もない」「いつも」「誰かに」「なんとか」「どうか」).
    private static readonly string[] NotAsking =
    [
        "何も", "なにも", "何か", "なにか", "何でも", "なんでも", "何とか", "なんとか", "何度も", "何回も", "何年も", "何日も", "何か月も", "何ヶ月も",
        "何人も", "何にも", "なんにも", "なんか", "なんだか", "なんて", "なんと", "なんども", "なんかいも", "何だか", "何より", "何らか", "なんらか",
        "どうも", "どうか", "どうしても", "どうにか", "どうにも", "どうでも", "どうせ", "どうぞ", "どうしよう", "どちらでも", "どちらも", "どちらとも", "どっちでも", "どっちも", "どっちとも",
        "誰とも", "だれとも", "何とも", "なにとも", "どこへも", "誰一人", "何一つ", "なにひとつ", "どこも", "どこか", "どこにも", "どこでも", "どれも", "どれか", "どれでも",
        "いつも", "いつか", "いつでも", "いつまでも", "いつの間", "誰も", "誰か", "誰でも", "誰にも", "だれも", "だれか", "だれでも", "だれにも",
        "いくらでも", "いくらか", "いくつか", "いくつも",
    ];

    // Particles and marks that may stand right before a kana question word (「出所はいつ」「住まいはどうなる」).
    private const string KanaBoundary = "はがをにでもとのてらばへやよね、。,.!?・";

    // After a question word, 「…か」 followed by one of these is reported, not asked: 「いつ出るかわからない」.
    private static readonly string[] IndirectAfterKa =
    [
        "わから", "分から", "分かり", "わかり", "知ら", "しら", "決まって", "きまって", "決めて", "きめて", "未定", "不明", "心配", "しんぱい", "不安", "ふあん",
        "迷", "まよ", "悩", "なや", "聞いて", "きいて", "覚えて", "おぼえて", "はっきり", "調べ", "しらべ", "確認", "どうか", "は", "も", "まだ",
    ];

    // A statement's endings: 「どこに帰るか、まだ決めていない」 reports a question word, it does not ask.
    private static readonly string[] StatementEndings = ["ない", "ません", "です", "でした", "ました", "ます", "だ", "ている", "てる"];

    // Requests for information that make a question wherever they stand (「いつ出られるか教えて」).
    private static readonly string[] AskingFrames =
    [
        "教えて", "おしえて", "知りたい", "しりたい", "聞きたい", "ききたい", "わかりますか", "分かりますか", "ってなに", "って何", "ってなん",
        "ご教示", "お示しください", "お知らせください", "確認させてください",
    ];

    // 「教えて」 followed by these tells what happened (「弁護士に教えてもらいました」), it does not ask.
    private static readonly string[] ToldNotAsked =
        ["もらった", "もらいま", "もらって", "もらえず", "もらえな", "くれた", "くれま", "くれて", "くれず", "くれな", "いただいた", "いただきま", "あげ"];

    // Endings that ask, once 「？」 and punctuation are trimmed.
    private static readonly string[] QuestionEndings =
    [
        "ですか", "ますか", "でしょうか", "ませんか", "のか", "かね", "かしら", "っけ", "とは", "ってなに", "って何", "ってなん",
    ];

    // Endings that ask even when the message trails off (「お願いできないでしょうか…」).
    private static readonly string[] OutrightEndings = ["ですか", "ますか", "でしょうか", "ませんか"];

    // Replies that end like a question but acknowledge (「そうですか」).
    private static readonly string[] Acknowledgements = ["そうですか", "そうなんですか", "そうか", "そうなのか", "そっか", "なるほど"];

    // A plain 「…か」 asks after a verb or adjective (「もらえるか」「いいか」); after these it lists or reports.
    private static readonly string[] NotAskingKaEndings =
        ["とか", "しか", "だか", "どうか", "なんか", "かどうか", "ばか", "かいないか", "かないか", "か否か", "かしないか", "かいなか"];

    private const string VerbEnd = "るいたうくすつむぶぐぬのん";

    // 「…の」 and 「…かな」 ask after these (「相談できるの」「対象になるかな」); 「家がないの」「72歳かな」「出られるかな」 tell or hedge.
    private static readonly string[] AskingBeforeNo =
        ["できる", "もらえる", "くれる", "いい", "なる", "なれる", "かかる", "使える", "受けられる", "もらえない", "くれない", "できない", "いけない"];

    // Before 「って」, these kana end a verb or adjective: 「来月出るって」 reports what someone said.
    private const string ReportBeforeTte = "うくすつぬむぶぐるいただ";

    // 「…って」 at the end asks about a term (「加算って」) unless it reports or describes (「出所は来月だって」「困って」).
    private static readonly string[] NotAskingTteEndings =
    [
        "だって", "んだって", "らしいって", "といって", "と言って", "困って", "こまって", "思って", "おもって", "入って", "はいって", "帰って", "かえって",
        "戻って", "もどって", "待って", "まって", "持って", "もって", "言って", "いって", "知って", "しって", "あさって",
    ];

    // Greetings end in 「は」 but ask nothing.
    private static readonly string[] Greetings = ["こんにちは", "こんばんは", "では", "それでは", "じゃあ"];

    // Endings that ask for something (used for out-of-scope requests): 「教えて」「食べたい」「探してほしい」.
    private static readonly string[] RequestEndings =
    [
        "たい", "たいです", "たいんです", "たいのですが", "ほしい", "欲しい", "ほしいです", "ください", "下さい", "ちょうだい", "てくれ", "てくれる", "て",
    ];

    // What the center and its knowledge are about: its work, the justice and welfare systems it deals with,
    // the people it helps and the chat itself. Folded like the messages (katakana to hiragana).
    private static readonly string[] Topics = Fold(
    [
        "センター", "定着", "相談", "そうだん", "支援", "しえん", "福祉", "援助", "協力", "調整", "コーディネート", "フォローアップ", "業務", "サービス", "事業所", "施設",
        "刑務所", "けいむしょ", "ムショ", "少年院", "しょうねんいん", "拘置所", "留置", "矯正", "警察", "けいさつ", "逮捕", "たいほ", "捕ま", "つかま", "勾留", "拘留",
        "釈放", "しゃくほう", "出所", "しゅっしょ", "退所", "たいしょ", "仮釈放", "保釈", "起訴", "裁判", "さいばん", "公判", "判決", "審判", "執行猶予", "罰金",
        "弁護", "べんご", "検察", "被疑者", "被告", "事件", "犯罪", "前科", "刑",
        "障害", "障がい", "しょうがい", "知的", "精神", "発達", "認知症", "にんちしょう", "高齢", "こうれい", "手帳", "てちょう", "療育",
        "加算", "かさん", "対象", "たいしょう", "要件", "条件", "手続", "申請", "しんせい", "書類", "歳", "意見書", "依頼書", "特別調整", "入口支援", "フェイスシート", "アセスメント", "モニタリング", "ケア会議", "会議", "研修", "啓発", "ネットワーク",
        "医療観察", "通院", "つういん", "入院", "にゅういん", "退院", "鑑定", "病院", "びょういん", "医療", "医師", "保険", "ほけん", "薬",
        "保護観察", "ほごかんさつ", "保護司", "調整官", "更生保護", "引受人", "ひきうけ", "身元",
        "住まい", "すまい", "住居", "住む", "すむ", "住所", "住民票", "家", "いえ", "アパート", "帰住", "帰る", "かえる", "実家", "都道府県", "県",
        "年金", "ねんきん", "生活保護", "せいかつほご", "介護", "かいご", "生活", "せいかつ", "暮らし", "くらし", "仕事", "しごと", "就労", "お金", "おかね", "費用", "料金", "無料", "金額", "単位",
        "家族", "かぞく", "親族", "本人", "息子", "むすこ", "娘", "むすめ", "父", "ちち", "母", "はは", "兄", "あに", "弟", "おとうと", "姉", "あね", "妹", "いもうと",
        "夫", "おっと", "妻", "つま", "親", "おや", "子", "孫", "祖父", "祖母", "叔父", "叔母", "伯父", "伯母", "おじ", "おば", "甥", "姪", "きょうだい", "利用者",
        "困", "こま", "助け", "たすけ", "不安", "心配", "悩", "話", "はなし",
        "同意", "個人情報", "情報", "秘密", "チャット", "ボット", "ロボット", "あなた", "ここ", "相談員", "担当", "コーディネーター", "電話", "でんわ", "連絡", "受付", "窓口",
    ]);

    /// <summary>What <paramref name="text"/> is.</summary>
    /// <param name="text">The message as typed.</param>
    /// <param name="expectingAnswer">
    /// True while the bot waits for an answer to one of its questions: then only a question (not a bare request such
    /// as 「早く家に帰りたい」) can be out of scope, since a request there is an answer.
    /// </param>
    /// <param name="knowledgeCovers">
    /// Whether the knowledge can answer the text, asked only for a question or request that names none of the
    /// center's topics, so that a term only the articles know (「フェイスシート」) keeps a question in scope.
    /// </param>
    public static UtteranceKind Classify(string text, bool expectingAnswer = false, Func<string, bool>? knowledgeCovers = null)
    {
        var normalized = JapaneseText.Normalize(text);
        if (normalized.Length == 0)
        {
            return UtteranceKind.Answer;
        }

        if (InputSignals.Command(normalized) is not null)
        {
            return UtteranceKind.Command;
        }

        var form = Compact(normalized);
        var folded = FoldKana(form);
        var asks = Asks(form, normalized.EndsWith('?'));
        var requests = !asks && !expectingAnswer && EndsWithRequest(form);
        if ((asks || requests) && !NamesTopic(folded) && !(knowledgeCovers?.Invoke(normalized) ?? false))
        {
            return UtteranceKind.OutOfScope;
        }

        if (asks)
        {
            return UtteranceKind.Question;
        }

        return folded.Length >= StoryMinLength && NamesTopic(folded) ? UtteranceKind.Story : UtteranceKind.Answer;
    }

    /// <summary>True when <paramref name="text"/> asks something, with or without 「？」; no knowledge is consulted.</summary>
    /// <param name="text">The message as typed.</param>
    public static bool IsQuestion(string text)
    {
        var normalized = JapaneseText.Normalize(text);
        return normalized.Length > 0 && InputSignals.Command(normalized) is null && Asks(Compact(normalized), normalized.EndsWith('?'));
    }

    private static bool Asks(string form, bool questionMark)
    {
        var body = form.TrimEnd('?', '!', '。', '.', '、', ',', '…', '~', '〜', 'ー', 'w');
        if (body.Length < 2 || Acknowledgements.Contains(body, StringComparer.Ordinal))
        {
            return false;
        }

        // 「どうしたらいいのか…」 trails off: a plea that is part of a story, unless it asks outright.
        var trailsOff = !questionMark && (form.EndsWith('…') || form.EndsWith("..", StringComparison.Ordinal));

        if (AskingFrames.Any(f => ContainsAsking(body, f)))
        {
            return true;
        }

        var questionWord = HasQuestionWord(body, out var indirect);
        if (trailsOff)
        {
            return OutrightEndings.Any(e => body.EndsWith(e, StringComparison.Ordinal));
        }

        if (EndsAsking(body, questionWord))
        {
            return true;
        }

        if (questionMark)
        {
            return body.Length >= 3;
        }

        // A question word alone asks (「出所はいつ」「何をしてくれる」) unless it is reported (「いつ出るかわからない」).
        return questionWord && !indirect;
    }

    private static bool ContainsAsking(string body, string frame)
    {
        for (var at = body.IndexOf(frame, StringComparison.Ordinal); at >= 0; at = body.IndexOf(frame, at + 1, StringComparison.Ordinal))
        {
            var rest = at + frame.Length;
            if (!(frame.EndsWith('て') && ToldNotAsked.Any(t => StartsAt(body, rest, t))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasQuestionWord(string body, out bool indirect)
    {
        indirect = false;
        var found = false;
        for (var i = 0; i < body.Length; i++)
        {
            var word = LongestAt(QuestionWords, body, i);
            if (word is null
                || LongestAt(NotAsking, body, i)?.Length > word.Length
                || AnyOf(body, i + word.Length)
                || (IsHiragana(word[0]) && i > 0 && IsHiragana(body[i - 1]) && !KanaBoundary.Contains(body[i - 1], StringComparison.Ordinal))
                || (word == "なんで" && i > 0 && !"、。,.!?".Contains(body[i - 1], StringComparison.Ordinal)))
            {
                continue;
            }

            found = true;
            var ka = body.IndexOf('か', i + word.Length);
            if (ka >= 0 && StatementEndings.Any(e => body.EndsWith(e, StringComparison.Ordinal)))
            {
                indirect = true;
            }

            while (ka >= 0 && !indirect)
            {
                var after = ka + 1;
                if (IndirectAfterKa.Any(w => StartsAt(body, after, w)))
                {
                    indirect = true;
                    break;
                }

                ka = body.IndexOf('か', ka + 1);
            }

            if (!indirect)
            {
                return true;
            }

            i += word.Length - 1;
        }

        return found && !indirect;
    }

    private static bool EndsAsking(string body, bool questionWord)
    {
        if (QuestionEndings.Any(e => body.EndsWith(e, StringComparison.Ordinal) && body.Length > e.Length))
        {
            return true;
        }

        if (body.EndsWith("かな", StringComparison.Ordinal) || body.EndsWith("かも", StringComparison.Ordinal))
        {
            var stem = body[..^2];
            return body.EndsWith("かな", StringComparison.Ordinal)
                   && (questionWord || stem.EndsWith('の') || AskingBeforeNo.Any(a => stem.EndsWith(a, StringComparison.Ordinal)));
        }

        if (body.EndsWith('か'))
        {
            var stem = body[..^1];
            return stem.Length >= 2 && !NotAskingKaEndings.Any(e => body.EndsWith(e, StringComparison.Ordinal))
                   && VerbEnd.Contains(stem[^1], StringComparison.Ordinal);
        }

        if (body.EndsWith('の'))
        {
            var stem = body[..^1];
            return stem.Length >= 2 && (questionWord || AskingBeforeNo.Any(a => stem.EndsWith(a, StringComparison.Ordinal)));
        }

        if (body.EndsWith("って", StringComparison.Ordinal))
        {
            return body.Length >= 4 && !ReportBeforeTte.Contains(body[^3], StringComparison.Ordinal)
                   && !NotAskingTteEndings.Any(e => body.EndsWith(e, StringComparison.Ordinal));
        }

        // 「パスポートの申請方法」「療育手帳の取り方」 ask how to, in a noun; 「母方」「夕方」 have no verb before 方.
        if (HowTo().IsMatch(body))
        {
            return true;
        }

        if (body.EndsWith('は'))
        {
            // 「加算の対象になる人は」「明日の天気は」: a topic left open is a question; 「こんにちは」 is not.
            return body.Length >= 4 && !Greetings.Any(g => body.EndsWith(g, StringComparison.Ordinal))
                   && !body.EndsWith("には", StringComparison.Ordinal) && !body.EndsWith("とは", StringComparison.Ordinal);
        }

        return false;
    }

    private static bool EndsWithRequest(string folded)
    {
        var body = folded.TrimEnd('?', '!', '。', '.', '、', ',', '…', '~', '〜', 'ー');
        return RequestEndings.Any(e => body.EndsWith(e, StringComparison.Ordinal) && body.Length > e.Length + 1);
    }

    private static bool NamesTopic(string folded) => Topics.Any(t => folded.Contains(t, StringComparison.Ordinal));

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';

    /// <summary>「何時でも」「どの施設でもいい」「どんな仕事でも」: a question word, up to two kanji, then 「でも」 or 「も」 means any.</summary>
    private static bool AnyOf(string body, int after)
    {
        var at = after;
        while (at < body.Length && at - after < 2 && body[at] is >= '\u4E00' and <= '\u9FFF')
        {
            at++;
        }

        return at > after && (StartsAt(body, at, "でも") || StartsAt(body, at, "も"));
    }

    [GeneratedRegex("(方法|やり方|仕方|[\\p{IsCJKUnifiedIdeographs}][きりしいびみちぎ]方|やりかた|しかた|とりかた|かきかた|いきかた|つくりかた)$")]
    private static partial Regex HowTo();

    private static bool StartsAt(string body, int at, string word) => string.CompareOrdinal(body, at, word, 0, word.Length) == 0;

    private static string? LongestAt(string[] words, string body, int at)
    {
        string? longest = null;
        foreach (var w in words)
        {
            if ((longest is null || w.Length > longest.Length) && string.CompareOrdinal(body, at, w, 0, w.Length) == 0)
            {
                longest = w;
            }
        }

        return longest;
    }

    private static string[] Fold(string[] words) => [.. words.Select(w => FoldKana(Compact(w))).Distinct(StringComparer.Ordinal)];

    /// <summary>Lower case, spaces as 「、」; the form of the words is read from this.</summary>
    /// <remarks>A space between kana phrases (「てちょうの しんせい どこで」) is kept as 「、」 so it still bounds a word.</remarks>
    private static string Compact(string text) => string.Concat(text.Select(c => char.IsWhiteSpace(c) ? '、' : c)).ToLowerInvariant();

    /// <summary>Katakana to hiragana (ヵ・ヶ kept, they count months), for matching topics: 「フェイスシート」 → 「ふぇいすしーと」.</summary>
    private static string FoldKana(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '\u30A1' and <= '\u30F4' ? (char)(c - 0x60) : c);
        }

        return builder.ToString();
    }
}
