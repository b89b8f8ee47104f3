using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// One way to reach the person: a phone number or a mail address, or, for someone without
/// either, another way offered as buttons (支援者・施設・事業所を通じて, 来所, 手紙), or that there
/// is none (「ない」「電話はありません」「携帯を持っていない」「わからない」). Nobody is stuck here.
/// </summary>
public sealed class ContactQuestion : Question
{
    public const string ThroughSupporterLabel = "支援者・施設・事業所を通じて";
    public const string VisitLabel = "センターに行く（来所）";
    public const string LetterLabel = "手紙";
    public const string EmailLabel = "メール";
    public const string NoneLabel = "連絡先はない";

    private static readonly string[] SupporterWords =
        [ThroughSupporterLabel, "通じて", "経由", "支援者", "事業所", "施設", "職員", "ケースワーカー", "相談員", "担当者", "保護司", "弁護士", "家族", "知り合い", "友達", "友人"];

    private static readonly string[] VisitWords = ["来所", "行きます", "行く", "いきます", "いく", "伺います", "うかがいます", "直接", "窓口", "訪ね"];

    private static readonly string[] LetterWords = [LetterLabel, "てがみ", "郵送", "郵便", "はがき", "ハガキ"];

    private static readonly string[] NoneWords =
    [
        NoneLabel, "ない", "なし", "無い", "ありません", "持っていない", "持ってない", "もっていない", "もってない", "持っていません",
        "使えない", "止まって", "解約", "答えたくない", "言いたくない", "教えたくない", "いらない", "結構です",
    ];

    public ContactQuestion(IntakeStep step, string label, Func<IntakeRecord, bool, string> prompt)
        : base(step, label, prompt, "例：「090-1234-5678」「taro@example.jp」。電話がなければ「支援者・施設・事業所を通じて」などを選んでください", allowsUnknown: false)
    {
    }

    /// <summary>Reads one way to reach the person; null when the text is none of them.</summary>
    public static Parsed<CaseContact> Parse(string text)
    {
        var normalized = JapaneseText.Normalize(text);
        var email = AnswerParsers.Email(text);
        if (email.IsValue)
        {
            return Parsed<CaseContact>.Ok(new CaseContact(ContactWay.Email, Email: email.Value));
        }

        var phone = AnswerParsers.Phone(text);
        if (phone.IsValue)
        {
            return Parsed<CaseContact>.Ok(new CaseContact(ContactWay.Phone, Phone: phone.Value));
        }

        // Digits that are not a number yet are a number typed wrong, not another way.
        if (normalized.Count(char.IsAsciiDigit) >= 6)
        {
            return Parsed<CaseContact>.Invalid(phone.Problem);
        }

        if (LetterWords.Any(w => normalized.Contains(w, StringComparison.Ordinal)))
        {
            return Parsed<CaseContact>.Ok(new CaseContact(ContactWay.Letter, Via: Detail(text, LetterLabel)));
        }

        if (normalized.Contains("メール", StringComparison.Ordinal) && !Says(normalized, NoneWords))
        {
            return Parsed<CaseContact>.Invalid("メールアドレスを書いてください（例：taro@example.jp）。");
        }

        if (Says(normalized, SupporterWords) && !normalized.StartsWith("家族はいない", StringComparison.Ordinal))
        {
            return Parsed<CaseContact>.Ok(new CaseContact(ContactWay.ThroughSupporter, Via: Detail(text, ThroughSupporterLabel)));
        }

        if (normalized == VisitLabel || Says(normalized, VisitWords))
        {
            return Parsed<CaseContact>.Ok(new CaseContact(ContactWay.Visit));
        }

        if (AnswerParsers.IsUnknown(normalized) || Says(normalized, NoneWords))
        {
            return Parsed<CaseContact>.Ok(new CaseContact(ContactWay.None));
        }

        return Parsed<CaseContact>.Invalid(phone.Problem ?? email.Problem);
    }

    public override AnswerCheck Apply(string text, IntakeRecord record, DateOnly today)
    {
        var parsed = Parse(text);
        if (!parsed.IsValue)
        {
            return AnswerCheck.Rejected(parsed.Problem);
        }

        parsed.Value!.StoreIn(record);
        return AnswerCheck.Stored;
    }

    public override string? Describe(IntakeRecord record) => CaseContact.Of(record) is { } contact ? Describe(contact) : null;

    /// <summary>The contact as the review and the ticket show it.</summary>
    public static string Describe(CaseContact contact)
    {
        var via = string.IsNullOrWhiteSpace(contact.Via) ? string.Empty : $"（{contact.Via}）";
        return contact.Way switch
        {
            ContactWay.Phone => contact.Phone ?? string.Empty,
            ContactWay.Email => contact.Email ?? string.Empty,
            ContactWay.ThroughSupporter => ThroughSupporterLabel + via,
            ContactWay.Visit => "来所",
            ContactWay.Letter => LetterLabel + via,
            _ => "連絡先なし",
        };
    }

    public override void Clear(IntakeRecord record)
    {
        record.Phone = null;
        record.Email = null;
        record.ContactWay = null;
        record.ContactVia = null;
    }

    public override void Copy(IntakeRecord from, IntakeRecord to)
    {
        to.Phone = from.Phone;
        to.Email = from.Email;
        to.ContactWay = from.ContactWay;
        to.ContactVia = from.ContactVia;
    }

    protected override IEnumerable<string> OptionLabels(IntakeRecord record) => [ThroughSupporterLabel, VisitLabel, LetterLabel, EmailLabel, NoneLabel];

    private static bool Says(string normalized, string[] words) => words.Any(w => normalized.Contains(w, StringComparison.Ordinal));

    /// <summary>What the person wrote besides the way itself (who, or the address), or null.</summary>
    private static string? Detail(string text, string label)
    {
        var value = SpokenValue.Strip(text);
        if (value == label || value.Length <= 4)
        {
            return null;
        }

        return value.Length > 100 ? value[..100] : value;
    }
}
