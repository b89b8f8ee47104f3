using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Triage;

namespace IntakeBot.Bot.Tickets;

/// <summary>Japanese words for the ticket's codes, as coordinators read them.</summary>
public static class TicketLabels
{
    public static string Priority(int rank) => rank switch
    {
        0 => "緊急",
        1 => "高",
        2 => "中",
        _ => "低",
    };

    public static string PriorityCss(int rank) => rank switch
    {
        0 => "p-urgent",
        1 => "p-high",
        2 => "p-medium",
        _ => "p-low",
    };

    public static string Duty(int duty) => duty switch
    {
        1 => "コーディネート業務（業務1）",
        2 => "フォローアップ業務（業務2）",
        3 => "被疑者等支援業務（業務3）",
        4 => "相談支援業務（業務4）",
        _ => "不明",
    };

    public static IReadOnlyList<Duty> Duties { get; } = Enum.GetValues<Duty>();

    public static string Flag(TriageFlag flag) => flag switch
    {
        TriageFlag.OtherPrefecture => "他都道府県",
        TriageFlag.MedicalTreatmentAct => "医療観察法対象",
        TriageFlag.SpecialAdditionPossible => "社会生活支援特別加算の可能性",
        TriageFlag.SubjectConsentUnconfirmed => "本人同意未確認",
        TriageFlag.NoHandbook => "手帳なし（申請支援）",
        TriageFlag.OnProbation => "保護観察中",
        TriageFlag.NoHousing => "住居なし",
        TriageFlag.Elderly => "高齢",
        TriageFlag.Crisis => "危機的な言葉",
        _ => flag.ToString(),
    };

    public static string Role(string? role) => role switch
    {
        nameof(AskerRole.Self) => "本人",
        nameof(AskerRole.Family) => "家族・親族",
        nameof(AskerRole.Lawyer) => "弁護士",
        nameof(AskerRole.Supporter) => "支援者・関係機関",
        _ => "不明",
    };

    public static IReadOnlyList<string> Roles { get; } = [.. Enum.GetNames<AskerRole>(), "Unknown"];

    /// <summary>The channel the person wrote on, for the desk: 「LINE」 or 「Web」 (Web Chat and /api/messages).</summary>
    public static string Channel(string conversationId) =>
        Channels.Line.LineChannel.IsLineConversation(conversationId) ? "LINE" : "Web";

    public static string Kind(string kind) => kind switch
    {
        nameof(TicketKind.Intake) => "相談受付",
        nameof(TicketKind.Handoff) => "担当者と話したい",
        nameof(TicketKind.Crisis) => "危機対応",
        _ => kind,
    };

    /// <summary>The way to reach the person on a record (a crisis ticket's too, which has no other answers).</summary>
    public static string Contact(IntakeRecord record) =>
        CaseContact.Of(record) is { } contact ? ContactQuestion.Describe(contact) : "（未回答）";

    public static IEnumerable<TriageFlag> Flags(string stored) =>
        stored.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Enum.TryParse<TriageFlag>(f, out var flag) ? (TriageFlag?)flag : null)
            .OfType<TriageFlag>();

    public static string StoreFlags(IEnumerable<TriageFlag> flags) => "|" + string.Concat(flags.Select(f => f + "|"));

    /// <summary>「あと3日」「今日まで」「2日超過」.</summary>
    public static string DueIn(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            > 0 => $"あと{days}日",
            0 => "今日まで",
            _ => $"{-days}日超過",
        };
    }
}

/// <summary>The status flow: 新規 → 対応中 → 連絡済 → 支援開始 / 他機関紹介 / 終了.</summary>
public static class TicketStatuses
{
    public const string New = TicketRecord.NewStatus;
    public const string InProgress = "対応中";
    public const string Contacted = "連絡済";
    public const string SupportStarted = "支援開始";
    public const string Referred = "他機関紹介";
    public const string Closed = "終了";

    public static IReadOnlyList<string> All { get; } = [New, InProgress, Contacted, SupportStarted, Referred, Closed];

    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [New] = [InProgress, Closed],
        [InProgress] = [Contacted, Closed],
        [Contacted] = [SupportStarted, Referred, Closed],
        [SupportStarted] = [Closed],
        [Referred] = [Closed],
        [Closed] = [],
    };

    public static bool IsKnown(string status) => Next.ContainsKey(status);

    public static IReadOnlyList<string> From(string status) => Next.TryGetValue(status, out var next) ? next : [];

    public static bool CanMove(string from, string to) => From(from).Contains(to, StringComparer.Ordinal);
}
