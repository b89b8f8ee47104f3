using IntakeBot.Bot.Tickets;

namespace IntakeBot.Bot.Dashboard;

/// <summary>A ticket event as the history list says it.</summary>
public static class TicketHistory
{
    public static string Describe(TicketEvent e) => e.Kind switch
    {
        "claim" => "担当になりました",
        "release" => $"担当を外しました（{e.Detail}）",
        "status" => $"状態: {e.FromStatus} → {e.ToStatus}",
        "tick" => $"完了: {e.Detail}",
        "untick" => $"未完了に戻しました: {e.Detail}",
        LanguageModel.TicketSummaries.EventKind => $"{e.Detail}を追加しました",
        Retention.RetentionJob.AnonymisedEvent => TicketDetail.AnonymisedNotice,
        _ => e.Kind,
    };
}
