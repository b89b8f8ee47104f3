using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// Where the subject stands now. Stories mention several stages (「前にも刑務所に入っていた」);
/// the latest stage that the message states as current wins, and 「また逮捕された」 restarts the story.
/// Hedged and conditional clauses (「執行猶予がついた場合」) are not read: they state no stage.
/// </summary>
internal static partial class StageCues
{
    [GeneratedRegex("医療観察[^。]{0,20}(入院)|指定入院医療機関")]
    private static partial Regex MtaInpatient();

    // A 退院許可決定 alone does not make an outpatient: the person stays in hospital until discharge.
    [GeneratedRegex("医療観察[^。]{0,20}(通院)|通院処遇|通院決定|入院によらない医療")]
    private static partial Regex MtaOutpatient();

    // Past forms of leaving, in kanji and in kana (本人 often writes 「けいむしょ でた」).
    [GeneratedRegex(
        "(出所|退所|出院|仮釈放|満期|刑務所を出|刑務所から出|少年院を出|少年院から出|ムショを出|ムショから出|出て)(し|になっ|になり|となっ|となり|でき|され)?(た|ました|てから|て\\d|てきた|てきました|後の今|して)"
        + "|(出所|退所|出院)(後|して)[^。]{0,6}(年|か月|ヶ月|カ月|月|週間)|出所者|退所者|仮釈放中|仮釈放され"
        + "|(仮釈放|満期|刑期満了)で[^。、]{0,12}?(出|で)(た|ました|てきた|てきました)"
        + "|((出所|退所|出院|仮釈放)(になり|となり|し)|(刑務所|少年院)(を|から)出て)[、。]?\\s?(今|現在)"
        + "|(けいむしょ|しょうねんいん|むしょ|ムショ)\\s?(を|から)?\\s?(でた|でました|でてきた|でてきました)"
        + "|(刑務所|少年院|ムショ|けいむしょ)から\\s?(帰って|戻って|かえって|もどって)\\s?(きた|きました)"
        + "|(^|\\s|今日|きょう|昨日|きのう|おととい|先週|先月|去年|\\d日に?)\\s?(出て|でて)\\s?(きた|きました|きて\\s?\\d)")]
    private static partial Regex Released();

    // 拘置所 holds people awaiting trial, so it is not 「施設にいる」; a 勾留満期 is not a 満期出所.
    [GeneratedRegex(
        "(刑務所|少年院|ムショ|刑事施設|矯正施設)(に|で)(いる|います|いて|入って(?!いた|いました)|入所|服役(?!して(いた|いました))|収容|おり|務め)|服役中|受刑中|受刑者|入所中|収容中|在院者|在院中"
        + "|(出所|退所|出院|仮釈放|満期出所|(?<!勾留)満期)(予定|する予定|の予定|します|する|できる|になる|は\\d|は来|は今|は再|日は|が決ま)"
        + "|(出所|出院|仮釈放|退所)(が|は)[^。]{0,14}(予定|決ま)"
        + "|(いま|今)\\s?(けいむしょ|刑務所|少年院|しょうねんいん)(\\s|$|。|、|です|だ|にいる|にいます)"
        + "|(\\d日|曜日?|明日|あした|あさって|明後日)に?\\s?(出る|でる|出ます|でます)"
        + "|(出所|退所|出院|仮釈放)(いたします|されます|となります|になります)|しゅっしょ\\s?(します|する|よてい|予定)"
        + "|(刑務所|少年院)(を|から)[^。]{0,12}?(出る|出ます|出られる|出てくる|出てきます)"
        + "|(出て|でて)\\s?(くる|来る|きます|来ます)\\s?(刑務所|少年院|けいむしょ)から"
        + "|(父|母|息子|娘|夫|妻|主人|兄|弟|姉|妹|孫|甥|姪|ちち|はは|むすこ|むすめ|おっと|つま|あに|あね|おとうと|いもうと)(が|は)[^。]{0,12}(出て|でて)\\s?(くる|来る|きます|来ます)")]
    private static partial Regex InFacility();

    [GeneratedRegex("執行猶予(判決|がつ|が付|付き|つき|になった|になりました|となり|中|を受け|の判決|\\d+年)|罰金(刑|を払|になった|になりました|で終わ|となり)|略式")]
    private static partial Regex SuspendedOrFined();

    [GeneratedRegex("起訴(され|後|になり|になっ|が決ま)|公判|裁判(中|が|を|は|の)|被告人|被告|保釈")]
    private static partial Regex OnTrial();

    [GeneratedRegex("起訴(されていない|はされていない|前|はまだ|されるかどうか)|まだ起訴")]
    private static partial Regex NotYetIndicted();

    [GeneratedRegex("逮捕|捕ま(った|りました|って)|つかま(った|りました|って)|たいほ|勾留|こうりゅう|留置|被疑者|警察(に|で)(いる|います)")]
    private static partial Regex Arrested();

    // 「逮捕はされていません」: the writer rules the arrest out, and with it the stage.
    [GeneratedRegex("(逮捕|たいほ)(は|も)?\\s?(され|さ)て(い|は)?(ない|ません|な)")]
    private static partial Regex NotArrested();

    // A new arrest after an earlier release restarts the story: 「少年院を出てから何度も捕まって、今回は起訴されて」.
    [GeneratedRegex("(また|再び|再度|何度も)[^。、]{0,6}(逮捕|捕ま|つかま|たいほ)|今回(は|も)?[^。、]{0,6}(逮捕|捕ま|起訴)")]
    private static partial Regex ArrestedAgain();

    [GeneratedRegex("起訴猶予|不起訴(処分)?")]
    private static partial Regex NoProsecution();

    [GeneratedRegex("保釈(中|され|が認め|になり|になっ|で)")]
    private static partial Regex OnBail();

    [GeneratedRegex("勾留(中|され|が続)|拘置所|こうりゅう|留置|警察署?に(いる|います|いて)")]
    private static partial Regex Detained();

    public static (Stage? Stage, Custody? Custody) Detect(IReadOnlyList<Clause> clauses)
    {
        // 起訴猶予 and 不起訴 end the case without any of the stages, and contain 起訴.
        var stated = NoProsecution().Replace(string.Concat(clauses.Where(c => !c.Doubtful && !c.Unasserted).Select(c => c.Text + "。")), "");
        if (MtaInpatient().IsMatch(stated) && !MtaOutpatient().IsMatch(stated))
        {
            return (Stage.MtaInpatient, null);
        }

        if (MtaOutpatient().IsMatch(stated))
        {
            return (Stage.MtaOutpatient, null);
        }

        var notArrested = NotArrested().IsMatch(stated);
        if (ArrestedAgain().Match(stated) is { Success: true } again && !notArrested)
        {
            return OnTrial().IsMatch(stated[again.Index..]) && !NotYetIndicted().IsMatch(stated)
                ? (Stage.OnTrial, CustodyIn(stated))
                : (Stage.Arrested, null);
        }

        if (Released().IsMatch(stated))
        {
            return (Stage.Released, null);
        }

        if (InFacility().IsMatch(stated))
        {
            return (Stage.InFacility, null);
        }

        if (SuspendedOrFined().IsMatch(stated))
        {
            return (Stage.SuspendedOrFined, null);
        }

        if (notArrested)
        {
            return (null, null);
        }

        if (NotYetIndicted().IsMatch(stated))
        {
            return (Stage.Arrested, null);
        }

        if (OnTrial().IsMatch(stated))
        {
            return (Stage.OnTrial, CustodyIn(stated));
        }

        return Arrested().IsMatch(stated) ? (Stage.Arrested, null) : (null, null);
    }

    private static Custody? CustodyIn(string text) =>
        OnBail().IsMatch(text) ? Custody.OnBail : Detained().IsMatch(text) ? Custody.Detained : null;
}
