using System.Text.RegularExpressions;

namespace IntakeBot.Knowledge.Retrieval;

/// <summary>
/// Reads what a question asks for (how long, how much, which kinds, who) and whether a passage holds that kind of
/// answer, so that of an article's sections the one that answers the question's frame is shown: 「入院の期間は」 gets
/// the sentence with 18か月, not the one about discharge. Works on folded text (hiragana, NFKC).
/// </summary>
internal static partial class AnswerFrames
{
    /// <summary>The frame of <paramref name="foldedQuery"/>; amounts win over durations (「どのくらいお金がかかる」).</summary>
    public static AnswerFrame Detect(string foldedQuery)
    {
        if (AmountQuestion().IsMatch(foldedQuery))
        {
            return AnswerFrame.Amount;
        }

        if (DurationQuestion().IsMatch(foldedQuery))
        {
            return AnswerFrame.Duration;
        }

        if (EligibilityQuestion().IsMatch(foldedQuery))
        {
            return AnswerFrame.Eligibility;
        }

        if (ActorQuestion().IsMatch(foldedQuery))
        {
            return AnswerFrame.Actor;
        }

        return KindsQuestion().IsMatch(foldedQuery) ? AnswerFrame.Kinds : AnswerFrame.None;
    }

    /// <summary>
    /// True when <paramref name="foldedText"/> (a section's heading, a line break and its body; or one sentence) holds an
    /// answer of that frame. Who qualifies is read from the heading only, so a lone sentence never holds it.
    /// </summary>
    public static bool Holds(AnswerFrame frame, string foldedText) => frame switch
    {
        AnswerFrame.Duration => DurationAnswer().IsMatch(foldedText),
        AnswerFrame.Amount => AmountAnswer().IsMatch(foldedText),
        AnswerFrame.Kinds => KindsAnswer().IsMatch(foldedText),
        AnswerFrame.Actor => ActorAnswer().IsMatch(foldedText),
        AnswerFrame.Eligibility => EligibilityHeading().IsMatch(foldedText.AsSpan(0, Math.Max(0, foldedText.IndexOf('\n')))),
        _ => false,
    };

    [GeneratedRegex("いくら|費用|料金|金額|お金|おかね|値段|無料|単位数|何単位|なんたんい|保険料|医療費|自己負担")]
    private static partial Regex AmountQuestion();

    [GeneratedRegex("期間|どのくらい|どれくらい|どのぐらい|どれぐらい|いつまで|何年|なんねん|何か月|何ヶ月|何カ月|何かげつ|なんかげつ|何日|なんにち|何週間|何回|なんかい|最長|長さ|続く|つづく|延長")]
    private static partial Regex DurationQuestion();

    [GeneratedRegex("(誰|だれ|どなた)(?!でも|も|か)|何をする人|なにをするひと|どこが")]
    private static partial Regex ActorQuestion();

    [GeneratedRegex("どんな|どの種類|何種類|なんしゅるい|種類|どういう|どのような")]
    private static partial Regex KindsQuestion();

    [GeneratedRegex("対象になる人|対象となる人|対象者|対象の人|対象になりますか|対象ですか|要件|条件")]
    private static partial Regex EligibilityQuestion();

    // Judged on the heading alone: many bodies mention 対象者 in passing (「支援対象者との面談」).
    [GeneratedRegex("対象|要件|条件|基準")]
    private static partial Regex EligibilityHeading();

    [GeneratedRegex("[0-9一二三四五六七八九十]+\\s*(年(?!度)|か月|ヶ月|カ月|ケ月|箇月|日間|週間)|期間|日数")]
    private static partial Regex DurationAnswer();

    [GeneratedRegex("[0-9]+\\s*円|無料|費用|料金|金額|単位数|保険料|医療費")]
    private static partial Regex AmountAnswer();

    [GeneratedRegex("(^|\\n)(・|[0-9]+\\. )|種類|次の")]
    private static partial Regex KindsAnswer();

    [GeneratedRegex("(官|員|医|師|士|大臣|職員|付添人|参加者)(が|は|と|も|1名|、|です)|(だれ|誰)が")]
    private static partial Regex ActorAnswer();
}
