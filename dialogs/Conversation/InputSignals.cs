using IntakeBot.Dialogs.Parsing;

namespace IntakeBot.Dialogs.Conversation;

/// <summary>Recognises what a message is besides an answer: a command, crisis words, or (through <see cref="UtteranceClassifier"/>) a question.</summary>
public static class InputSignals
{
    // Commands are only taken from short messages, so that a story that happens to contain
    // 「やめる」 or 「戻る」 (「刑務所に戻るのが心配」) is not hijacked.
    private const int MaxCommandLength = 12;

    private static readonly (GlobalCommand Command, string[] Words)[] Commands =
    [
        (GlobalCommand.Back, ["戻る", "もどる", "前に戻る", "ひとつ前", "一つ前", "前の質問", "戻って"]),
        (GlobalCommand.Restart, ["最初から", "さいしょから", "はじめから", "初めから", "やり直し", "やりなおし", "最初に戻る"]),
        (GlobalCommand.Help, ["ヘルプ", "help", "使い方", "つかいかた", "どうすればいい"]),
        (GlobalCommand.Handoff, ["人と話したい", "ひとと話したい", "人と話す", "担当者と話したい", "相談員と話したい", "人間と話したい",
            "電話したい", "電話で話したい", "オペレーター", "担当者につないで", "人につないで"]),
        (GlobalCommand.Quit, ["やめる", "やめます", "中止", "終了", "キャンセル", "相談をやめる", "やめたい"]),
    ];

    private static readonly string[] CrisisWords =
    [
        "死にたい", "しにたい", "自殺", "じさつ", "消えたい", "きえたい", "生きていたくない", "死のう", "死ぬしかない", "首をつ", "飛び降り",
        "殺される", "ころされる", "殺されそう", "殺すぞ", "殺したい", "暴力を受けて", "暴力をふるわれ", "暴力を振るわれ", "殴られ", "なぐられ",
        "蹴られ", "虐待", "命が危ない", "助けて殺", "リストカット", "リスカ", "オーバードーズ",
    ];

    /// <summary>The button that switches to やさしい日本語 before the role is known.</summary>
    public const string PlainJapaneseButton = "やさしい にほんご";

    // What someone writes to ask for やさしい日本語, as a short command anywhere in the conversation.
    private static readonly string[] PlainJapaneseWords =
    [
        "やさしい日本語", "やさしいにほんご", "やさしい言葉", "やさしいことば", "優しい日本語", "易しい日本語", "簡単な日本語", "かんたんな日本語",
        "かんたんなにほんご", "簡単な言葉", "かんたんな言葉", "かんたんなことば", "ひらがなで", "平仮名で", "ひらがなにして", "ひらがなでかいて",
        "わかりやすいことば", "わかりやすい日本語",
    ];

    // What may come around the words in a request (「やさしい日本語で おねがいします」); anything else
    // (「ひらがなで やまだ たろう」) is an answer that happens to contain them.
    private static readonly string[] RequestWords =
    [
        "おねがいします", "お願いします", "おねがい", "お願い", "はなしてください", "話してください", "かいてください", "書いてください",
        "はなして", "話して", "かいて", "書いて", "にしてください", "にして", "してください", "して", "ください", "がいい", "ほしい", "いい",
        "です", "で", "に", "は", "を", "。", "、", "！", "!", "？", "?",
    ];

    /// <summary>True when the message asks for やさしい日本語 (「やさしい日本語で」「かんたんな ことばで」「ひらがなで」).</summary>
    public static bool AsksForPlainJapanese(string text)
    {
        var normalized = Fold(text);
        if (normalized.Length == 0)
        {
            return false;
        }

        if (normalized == Fold(PlainJapaneseButton))
        {
            return true;
        }

        var phrase = PlainJapaneseWords.Where(w => normalized.Contains(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
        if (phrase is null)
        {
            return false;
        }

        var rest = normalized.Replace(phrase, string.Empty, StringComparison.Ordinal);
        for (var stripped = true; stripped && rest.Length > 0;)
        {
            var word = RequestWords.FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal));
            stripped = word is not null;
            rest = stripped ? rest[word!.Length..] : rest;
        }

        return rest.Length == 0;
    }

    public static GlobalCommand? Command(string text)
    {
        var normalized = Fold(text);
        if (normalized.Length == 0 || normalized.Length > MaxCommandLength)
        {
            return null;
        }

        foreach (var (command, words) in Commands)
        {
            if (words.Any(w => normalized.Equals(w, StringComparison.OrdinalIgnoreCase)
                               || (normalized.StartsWith(w, StringComparison.OrdinalIgnoreCase) && normalized.Length <= w.Length + 4)))
            {
                return command;
            }
        }

        return null;
    }

    public static bool IsCrisis(string text)
    {
        var normalized = Fold(text);
        return CrisisWords.Any(w => normalized.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>True when the message asks something, by what it says (see <see cref="UtteranceClassifier"/>), with or without 「？」.</summary>
    public static bool LooksLikeQuestion(string text) => UtteranceClassifier.IsQuestion(text);

    private static string Fold(string text) => JapaneseText.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}
