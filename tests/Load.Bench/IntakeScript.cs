using System.Globalization;

namespace IntakeBot.Load.Bench;

/// <summary>
/// What one virtual user says in one conversation, and how it knows the bot followed: every turn
/// must answer, no answer may be "not understood", and the last turn must give a reference number.
/// </summary>
public sealed class IntakeScript
{
    private IntakeScript(string name, IReadOnlyList<string> answers, string referenceMarker, IReadOnlyList<string> notUnderstood)
    {
        Name = name;
        Answers = answers;
        ReferenceMarker = referenceMarker;
        NotUnderstood = notUnderstood;
    }

    public string Name { get; }

    /// <summary>The user's messages after the conversation start, in order.</summary>
    public IReadOnlyList<string> Answers { get; }

    /// <summary>Text in the bot's reply once the intake is filed.</summary>
    public string ReferenceMarker { get; }

    /// <summary>Texts that mean the bot did not accept the answer (the script is then out of step).</summary>
    public IReadOnlyList<string> NotUnderstood { get; }

    /// <summary>Turns per conversation, the start (greeting) included.</summary>
    public int TurnsPerConversation => Answers.Count + 1;

    public static IntakeScript For(string name) => name switch
    {
        "family" => Family(DateTimeOffset.UtcNow),
        "peer" => Peer,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "family or peer"),
    };

    /// <summary>
    /// A family member's intake with button labels: the strings of FamilyWithButtons in
    /// tests/Dialogs.Tests/Conversation/IntakeScripts.cs (copied, not referenced), then 送信する
    /// at the review. The release date there is fixed (2026年12月10日, 15 days after the tests'
    /// clock); here it is 15 days after today in Japan, so it stays in the future.
    /// LoadBenchScriptTests in tests/Dialogs.Tests runs it through the flow.
    /// </summary>
    public static IntakeScript Family(DateTimeOffset now)
    {
        var japan = now.ToOffset(TimeSpan.FromHours(9));
        var release = DateOnly.FromDateTime(japan.DateTime).AddDays(15).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        return new IntakeScript(
            "family",
            [
                "相談を始める", "同意する", "家族・親族です", "親（父・母）", "72", "認知症の疑い", "これで全部", "持っていない", "刑務所・少年院に入っている",
                release, "神奈川県", "ない", "いない", "住まい", "これで全部", "はい", "来月出所するが帰る家がない", "山田 一郎", "やまだ いちろう", "刑務所",
                "山田 花子", "090-1111-2222", "平日の午後",
                "送信する",
            ],
            referenceMarker: "受付番号は",
            notUnderstood: ["うまく読み取れませんでした"]);
    }

    /// <summary>The peer's six questions (相談する方, 年齢, 状況, 住まい, 連絡先, 確認).</summary>
    public static IntakeScript Peer { get; } = new(
        "peer",
        ["家族", "72歳", "刑務所に入っている", "ない", "090-1111-2222", "送信する"],
        referenceMarker: "受付番号は",
        notUnderstood: ["ボタンから選んでください", "年齢を数字で", "エラーが起きました"]);
}
