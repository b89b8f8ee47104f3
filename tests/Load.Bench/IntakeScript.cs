using System.Globalization;
using System.Text.RegularExpressions;

namespace IntakeBot.Load.Bench;

/// <summary>
/// What one virtual user says in one conversation, and how it knows the bot followed: every turn
/// must answer, no answer may be "not understood", and the last turn must give a reference number.
/// </summary>
public sealed partial class IntakeScript
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

    /// <summary>What a human-mode conversation types to ask for a person (the handoff ticket is filed then).</summary>
    public const string AskForPerson = "人と話したい";

    /// <summary>
    /// How many of the answers a human-mode conversation gives before it asks for a person: the
    /// family script's first three (相談を始める, 同意する, 家族・親族です) leave it at the relation
    /// question, which the handback must ask again; the rest of the answers then finish the intake.
    /// </summary>
    public int HumanModeAfter => Name == "family" ? 3 : throw new InvalidOperationException("Human mode runs the family script.");

    /// <summary>The reference number in a reply (「受付番号は KN-2026-000123 です」), or null.</summary>
    public static string? ReferenceIn(string reply) =>
        ReferencePattern().Match(reply) is { Success: true } match ? match.Groups["reference"].Value : null;

    /// <summary>The question a reply ends with (its last line): what the handback must ask again.</summary>
    public static string LastLine(string reply) =>
        reply.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines ? lines[^1] : string.Empty;

    [GeneratedRegex(@"受付番号は\s*(?<reference>[A-Z]+-[0-9]{4}-[0-9]+)\s*です")]
    private static partial Regex ReferencePattern();

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
