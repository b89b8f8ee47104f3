using System.Globalization;
using IntakeBot.Dialogs.Conversation;

namespace IntakeBot.Bot.Tests.Support;

/// <summary>
/// A full intake per role, as a person would answer: button values where there are buttons,
/// Japanese free text elsewhere. Dates are relative to today so they stay past or future.
/// </summary>
public static class IntakeScripts
{
    public const string ReferencePrefix = "受付番号は KN-";

    /// <summary>Closes a 「あてはまるものをすべて」 question after one tap (「ほかにもありますか？」).</summary>
    public const string ThatIsAll = "これで全部";

    public static IEnumerable<object[]> Roles => [["本人"], ["家族"], ["弁護士"], ["支援者"]];

    public static IReadOnlyList<string> For(string role)
    {
        var today = IntakeConversation.CenterDate(DateTimeOffset.UtcNow);
        string Date(int days) => today.AddDays(days).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        IReadOnlyList<string> start = ["相談を始める", "同意する"];
        IReadOnlyList<string> contact = ["090-1234-5678", "平日の午後", "送信する"];
        IReadOnlyList<string> middle = role switch
        {
            "本人" =>
            [
                "本人です", "72歳", "知的障がい", ThatIsAll, "療育手帳", ThatIsAll, "刑務所・少年院から出た", Date(-30),
                "神奈川県横浜市", "ない", "いいえ", "住まい", ThatIsAll, "山田 太郎", "やまだ たろう",
            ],
            "家族" =>
            [
                "家族・親族です", "親（父・母）", "45歳", "精神障がい", ThatIsAll, "持っていない", "起訴後・裁判中", "勾留中", Date(20),
                "神奈川県川崎市", "ある", "いる", "医療・通院", ThatIsAll, "はい", "特にありません", "山田 一郎", "やまだ いちろう", "横浜拘置支所にいます", "山田 花子 (はは)",
            ],
            "弁護士" =>
            [
                "弁護士です", "みなと法律事務所", "神奈川県弁護士会", "68歳", "認知症の疑い", ThatIsAll, "持っていない", "逮捕・勾留中（起訴前）", Date(10),
                "東京都新宿区", "ない", "いない", "住まい", ThatIsAll, "はい", "勾留満期までに帰住先を探したい", "わからない", "わからない", "田中 三郎（たなか さぶろう）", "警察署", "佐藤 一郎",
            ],
            "支援者" =>
            [
                "支援者・関係機関です", "横浜保護観察所", "保護観察所", "新しく支援が必要な方の相談", "80歳", "ない", "刑務所・少年院に入っている", Date(40),
                "神奈川県相模原市", "ない", "いない", "介護", ThatIsAll, "はい", "出所後の介護施設を探しています", "答えない", "刑務所", "鈴木 次郎",
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
        return [.. start, .. middle, .. contact];
    }

    /// <summary>The answer a role's script gives to the 相談内容 question (本人 is not asked it).</summary>
    public static string DetailsAnswer(string role) => role switch
    {
        "家族" => "特にありません",
        "弁護士" => "勾留満期までに帰住先を探したい",
        "支援者" => "出所後の介護施設を探しています",
        _ => throw new ArgumentOutOfRangeException(nameof(role), "本人 is not asked the details"),
    };

    /// <summary>Runs a script and returns every bot text; fails at the first answer the bot did not understand.</summary>
    public static async Task<List<string>> RunAsync(IChat chat, IEnumerable<string> answers)
    {
        var texts = new List<string>();
        foreach (var answer in answers)
        {
            var replies = await chat.SendAsync(answer);
            Assert.NotEmpty(replies);
            var said = string.Join("\n", replies.Select(r => r.Text));
            Assert.False(said.Contains("うまく読み取れませんでした", StringComparison.Ordinal), $"「{answer}」 was not understood:\n{said}");
            texts.AddRange(replies.Select(r => r.Text ?? string.Empty));
        }

        return texts;
    }
}
