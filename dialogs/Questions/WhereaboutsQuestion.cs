using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// Where the person is now: the kind of place and, when written, its name
/// (「横浜拘置支所にいます」 → 拘置所, 横浜拘置支所). Optional.
/// </summary>
public sealed class WhereaboutsQuestion : Question
{
    private const int MaxLength = 100;

    /// <summary>Kinds with their button label and the words that name them, the more specific first (医療刑務所 is a 刑務所).</summary>
    public static IReadOnlyList<(PlaceKind Kind, string Label, string[] Words)> Kinds { get; } =
    [
        // Not a home although the words are there (「家がない」「友人の家」「ホームレス」).
        (PlaceKind.Other, "その他", ["家がない", "家はない", "住むところがない", "住む所がない", "ホームレス", "路上", "公園", "ネットカフェ", "車中", "車で", "友人", "知人"]),
        (PlaceKind.JuvenileFacility, "少年院・鑑別所", ["少年院", "鑑別所", "しょうねんいん"]),
        (PlaceKind.DetentionHouse, "拘置所", ["拘置所", "拘置支所", "拘置", "こうちしょ"]),
        (PlaceKind.Prison, "刑務所", ["刑務所", "刑務支所", "刑務", "けいむしょ", "ムショ"]),
        (PlaceKind.PoliceStation, "警察署", ["警察署", "警察", "留置場", "留置所", "留置", "けいさつ"]),
        (PlaceKind.Hospital, "病院", ["病院", "入院", "クリニック", "医療センター", "びょういん"]),
        (PlaceKind.Facility, "施設", ["施設", "更生保護", "グループホーム", "老人ホーム", "ホーム", "救護", "シェルター", "寮", "しせつ"]),
        (PlaceKind.Home, "自宅・家族の家", ["自宅", "実家", "家族の家", "家", "うち", "アパート", "じたく"]),
        (PlaceKind.Other, "その他", ["その他", "ほか"]),
    ];

    public WhereaboutsQuestion(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt)
        : base(step, label, prompt, "例：「横浜拘置支所」「○○病院に入院中」「自宅」", allowsUnknown: true)
    {
    }

    /// <summary>A question with one wording only (the host uses one to describe stored answers, and never asks it).</summary>
    public WhereaboutsQuestion(IntakeStep step, string label, Func<IntakeRecord, string> prompt)
        : this(step, label, (record, _) => prompt(record))
    {
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var normalized = JapaneseText.Normalize(text);
        var match = Kinds.FirstOrDefault(k => k.Label == normalized || k.Words.Any(w => normalized.Contains(w, StringComparison.Ordinal)));
        // 「まだ拘置所から出られない」 says where they still are; only a bare 「まだわからない」 passes.
        if (SpokenValue.IsSkip(normalized) && (match.Label is null || !normalized.StartsWith("まだ", StringComparison.Ordinal)))
        {
            Clear(record);
            return AnswerCheck.Stored;
        }

        if (match.Label is null)
        {
            return AnswerCheck.Rejected(null);
        }

        var name = SpokenValue.Strip(text).Replace("入院中", string.Empty, StringComparison.Ordinal).Replace("入所中", string.Empty, StringComparison.Ordinal).Trim();
        if (name.Length > MaxLength)
        {
            return AnswerCheck.Rejected($"{MaxLength}文字以内でお願いします。");
        }

        record.WhereaboutsKind = match.Kind;
        // The bare kind (the button, 「警察です」) names no place; for 「その他」 the words say where.
        record.WhereaboutsName = name.Length == 0 || name == match.Label || (match.Kind != PlaceKind.Other && match.Words.Contains(name)) ? null : name;
        return AnswerCheck.Stored;
    }

    public override string? Describe(IntakeRecord record)
    {
        if (record.WhereaboutsKind is not { } kind)
        {
            return null;
        }

        var label = Kinds.Last(k => k.Kind == kind).Label;
        return record.WhereaboutsName is { } name ? $"{label}（{name}）" : label;
    }

    public override void Clear(IntakeRecord record)
    {
        record.WhereaboutsKind = null;
        record.WhereaboutsName = null;
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        to.WhereaboutsKind = from.WhereaboutsKind;
        to.WhereaboutsName = from.WhereaboutsName;
    }

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => Kinds.Skip(1).Select(k => k.Label);
}
