using System.Globalization;
using System.Text;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Questions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Bot.Tickets;

/// <summary>
/// The CSV export: UTF-8 with a BOM (so Excel reads Japanese), CRLF lines, every cell quoted per
/// RFC 4180, and any cell that a spreadsheet would read as a formula (starting with
/// <c>= + - @</c>, tab, CR or LF) prefixed with an apostrophe.
/// </summary>
public static class TicketCsv
{
    public static readonly string[] Header =
        ["受付番号", "種別", "状態", "優先度", "業務区分", "期限", "フラグ", "相談者の立場", "担当", "相談者氏名", "相談内容", "メモ", "受付日時",
         "ご本人の氏名", "ふりがな", "いる場所", "裁判所", "事件番号", "連絡先", "追記", "同じ相談の相談票", "窓口"];

    private static readonly WhereaboutsQuestion Whereabouts = new(IntakeStep.Whereabouts, "いる場所", _ => string.Empty);

    public static byte[] Write(IEnumerable<TicketDetail> tickets)
    {
        var sb = new StringBuilder();
        Line(sb, Header);
        foreach (var t in tickets)
        {
            var r = t.Row;
            Line(sb,
            [
                r.Reference,
                TicketLabels.Kind(r.Kind),
                r.Status,
                TicketLabels.Priority(r.PriorityRank),
                TicketLabels.Duty(r.Duty),
                r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.Join("・", r.Flags.Select(TicketLabels.Flag)),
                TicketLabels.Role(r.Role),
                r.Owner ?? string.Empty,
                r.Name ?? string.Empty,
                t.Record.Details ?? string.Empty,
                string.Join("\n", t.Notes.Select(n => $"{n.At.ToOffset(IntakeConversation.CenterUtcOffset):yyyy-MM-dd HH:mm} {n.Author}: {n.Text}")),
                r.CreatedAt.ToOffset(IntakeConversation.CenterUtcOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                // 本人 gives their own name as the asker's.
                t.Record.SubjectName ?? (t.Record.Role == AskerRole.Self ? t.Record.AskerName : null) ?? string.Empty,
                t.Record.SubjectNameKana ?? string.Empty,
                Whereabouts.Describe(t.Record) ?? string.Empty,
                t.Record.Court ?? string.Empty,
                t.Record.CaseNumber ?? string.Empty,
                t.Anonymised ? string.Empty : TicketLabels.Contact(t.Record),
                string.Join("\n", t.Additions.Select(a => $"{a.At.ToOffset(IntakeConversation.CenterUtcOffset):yyyy-MM-dd HH:mm} {a.Text}")),
                string.Join(" ", t.SameCase.Select(c => c.Reference)),
                r.Channel,
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void Line(StringBuilder sb, IEnumerable<string> cells)
    {
        sb.AppendJoin(',', cells.Select(Cell));
        sb.Append("\r\n");
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
