namespace IntakeBot.Bot.Audit;

/// <summary>
/// The audit log's codes as the admin page says them in Japanese. The stored codes stay the
/// same (reports and tests match on them); a code without a label shows as itself.
/// </summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["login"] = "ログイン",
        ["logout"] = "ログアウト",
        ["password"] = "パスワード変更",
        ["read"] = "相談票の閲覧",
        ["print"] = "相談受付票の印刷表示",
        ["api-read"] = "相談票の閲覧（API）",
        ["export"] = "CSV出力",
        ["claim"] = "担当する",
        ["release"] = "担当を外す",
        ["status"] = "状態の変更",
        ["note"] = "メモの追加",
        ["checklist"] = "チェックリストの更新",
        ["add-user"] = "職員の追加",
        ["disable-user"] = "職員を無効にする",
        ["enable-user"] = "職員を有効に戻す",
        ["unlock-user"] = "ロックの解除",
        ["reset-password"] = "パスワードの再設定",
        ["passwd"] = "パスワードの再設定（コマンド）",
        ["admin"] = "管理ページ",
        ["retention"] = "保存期間による削除",
        ["model.story"] = "言語モデル：最初の説明の読み取り",
        ["model.summary"] = "言語モデル：要約",
        ["model.answer"] = "言語モデル：質問への回答",
    };

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        [AuditLog.Ok] = "成功",
        [AuditLog.Denied] = "拒否",
        [AuditLog.NotFound] = "見つからない",
        ["locked"] = "ロック中",
        ["conflict"] = "競合",
        ["invalid"] = "入力が正しくない",
        ["failed"] = "失敗",
    };

    public static string Action(string code) => Actions.GetValueOrDefault(code, code);

    public static string Outcome(string code) => Outcomes.GetValueOrDefault(code, code);
}
