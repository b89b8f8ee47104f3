namespace IntakeBot.Dialogs.Triage;

/// <summary>The seed's 「具体的には」 lists, per duty: the coordinator's next steps.</summary>
internal static class DutyChecklists
{
    private static readonly string[] Coordination =
    [
        "支援対象者との面談・アセスメントの実施",
        "「福祉サービス等調整計画」の作成",
        "援護の実施市町村との調整、住民票の設定",
        "障害者手帳の申請支援（療育手帳、身体障害者手帳、精神障害者保健福祉手帳）",
        "障がい者福祉サービスの申請支援",
        "高齢者福祉サービスの申請支援",
        "医療保障（国民健康保険等の取得）",
        "所得保障（障害基礎年金の申請、年金記録の確認、生活保護の申請準備等）",
        "受け入れ先（帰住地、身元引受人、福祉事業所）の選定、確保",
        "「合同支援会議（調整・ケア会議）」の実施",
        "受け入れ先事業所への引継ぎ（退所時に同行）",
        "橋渡し（当該市町村の相談支援事業所等）",
    ];

    private static readonly string[] FollowUp =
    [
        "受け入れ先事業所へのフェイスシート（アセスメント）作成等の助言",
        "受け入れ先事業所へのモニタリング（状況聞き取り）及び訪問",
        "処遇面の助言及び定期的な「合同支援会議（ケア会議）」の実施",
        "保護観察中の場合は保護観察所との連携",
        "社会生活支援特別加算等の「意見書」の発行",
        "更生保護施設等との連携によるバックアップ体制の調整",
    ];

    private static readonly string[] Consultation =
    [
        "相談者への折り返し連絡と状況の聞き取り",
        "福祉サービス等の利用に関する助言",
        "必要に応じて関係機関（相談支援事業所、福祉事務所など）への橋渡し",
    ];

    /// <summary>被疑者等支援 starts only on a request from 保護観察所, so that comes first.</summary>
    private static readonly string[] SuspectSupportIntro =
    [
        "保護観察所からの依頼の有無を確認（被疑者等支援業務は保護観察所の依頼で開始）",
    ];

    public static IReadOnlyList<string> For(Duty duty) => duty switch
    {
        Duty.Coordination => Coordination,
        Duty.FollowUp => FollowUp,
        Duty.SuspectSupport => [.. SuspectSupportIntro, .. Coordination],
        _ => Consultation,
    };
}
