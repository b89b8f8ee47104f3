using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// Disabilities or signs of one, and 障害者手帳. A suspicion (「認知症っぽい」「知的障害があるかも」)
/// is recorded as a sign, since the intake asks for signs too; a denial is not.
/// </summary>
internal static partial class ConditionCues
{
    private static readonly (Disability Disability, string Pattern)[] Signs =
    [
        (Disability.Intellectual, "知的(障害|障がい|しょうがい|な障害|な遅れ|に障害|の障害|に遅れ|の遅れ|ハンディ)|知的障|軽度知的|IQが低|ちてき\\s?しょうがい"),
        (Disability.Mental, "精神(障害(?!者保健|者手帳)|障がい(?!者保健|者手帳)|疾患|の病気|の障害|の障がい|科に通|科の)|統合失調|とうごうしっちょう|うつ病|うつびょう|せいしん\\s?(しょうがい|びょう|の病気)|鬱病|双極性|躁うつ|パニック障害|精神病"),
        (Disability.Developmental, "発達(障害|障がい|の障害|に障害)|はったつ\\s?しょうがい|自閉(症|スペクトラム)|ADHD|アスペルガー|ASD|LD|学習障害"),
        (Disability.SuspectedDementia, "認知症|認知機能(の|が)?(低下|衰え)|物忘れ|もの忘れ|ボケ|ぼけて|にんちしょう"),
        (Disability.Physical, "身体(障害|障がい|の障害)(?!者手帳)|車いす|車椅子|足が不自由|目が(ほとんど)?見え(な|ず|に)|耳が(ほとんど)?聞こえ(な|ず|に)|視覚障|聴覚障|(半身|手足|右手|左手|右足|左足)[^。、]{0,3}(まひ|麻痺)|肢体不自由|(杖|つえ)なしで(は)?(歩け|あるけ)|寝たきり"),
    ];

    [GeneratedRegex("(?<!(知的|精神|発達|身体|ちてき|せいしん|はったつ|しんたい)\\s?)(障害|障がい|しょうがい)(は|も)(ない|ありません|無い)|(障害|障がい)(者)?ではない")]
    private static partial Regex NoDisability();

    [GeneratedRegex("(ない|なし|無い|ありません|いません|持っていな|もっていな|持ってな|もってな|取っていな|とっていな|取れていな|未取得)")]
    private static partial Regex Lacks();

    [GeneratedRegex("(申請中|申請して(い|お)|申請した|申し込み中|申請済)")]
    private static partial Regex Applying();

    // 「有無は確認中」「取りたい」: the handbook is asked about or wished for, not held.
    [GeneratedRegex("有無|確認中|かどうか|分から|わから|取りたい|取得したい|作りたい|申請したい|取り方|とりたい|の申請(に|を|の|について|方法)|^(手帳|てちょう)(の(こと|取得))?について")]
    private static partial Regex Unknown();

    [GeneratedRegex("(療育手帳|愛の手帳|みどりの手帳|りょういく\\s?てちょう)")]
    private static partial Regex Ryoiku();

    [GeneratedRegex("身体障(害|がい)者手帳|身体の手帳")]
    private static partial Regex PhysicalHandbook();

    [GeneratedRegex("精神(障害者)?(保健福祉)?手帳|精神障(害|がい)者保健福祉手帳|精神の手帳")]
    private static partial Regex MentalHandbook();

    [GeneratedRegex("手帳|てちょう")]
    private static partial Regex AnyHandbook();

    public static List<Disability> Disabilities(IReadOnlyList<Clause> clauses)
    {
        var found = new List<Disability>();
        foreach (var clause in clauses.Where(c => !c.Negated))
        {
            foreach (var (disability, pattern) in Signs)
            {
                var match = Regex.Match(clause.Text, pattern);
                if (match.Success && !IsDenied(clause.Text, match.Index + match.Length) && !found.Contains(disability))
                {
                    found.Add(disability);
                }
            }
        }

        if (found.Count == 0 && clauses.Any(c => !c.Negated && NoDisability().IsMatch(c.Text)))
        {
            found.Add(Disability.None);
        }

        return found;
    }

    public static List<Handbook> Handbooks(IReadOnlyList<Clause> clauses)
    {
        var found = new List<Handbook>();
        foreach (var clause in clauses.Where(c => !c.Doubtful && !c.Negated && AnyHandbook().IsMatch(c.Text)))
        {
            var text = clause.Text;
            var at = AnyHandbook().Match(text).Index;
            var rest = text[at..];
            if (Unknown().IsMatch(rest))
            {
                continue;
            }

            if (Applying().IsMatch(rest))
            {
                Add(Handbook.Applying);
            }
            else if (LacksBeforeHolding(rest) || text.Contains("手帳なし", StringComparison.Ordinal))
            {
                Add(Handbook.None);
            }
            else
            {
                if (Ryoiku().IsMatch(text))
                {
                    Add(Handbook.Ryoiku);
                }

                if (PhysicalHandbook().IsMatch(text))
                {
                    Add(Handbook.Physical);
                }

                if (MentalHandbook().IsMatch(text))
                {
                    Add(Handbook.Mental);
                }
            }
        }

        // 「精神の手帳はあるが療育手帳はない」: a handbook held outranks another one lacked.
        if (found.Count > 1)
        {
            found.Remove(Handbook.None);
        }

        return found;

        void Add(Handbook handbook)
        {
            if (!found.Contains(handbook))
            {
                found.Add(handbook);
            }
        }
    }

    /// <summary>
    /// 「療育手帳Bをもっています帰るところがないので」: in a run without punctuation a later
    /// negation belongs to another predicate, so the lack counts only before any holding verb.
    /// </summary>
    private static bool LacksBeforeHolding(string rest)
    {
        var lack = Lacks().Match(rest);
        var held = Held().Match(rest);
        return lack.Success && (!held.Success || lack.Index < held.Index);
    }

    [GeneratedRegex("(持って|もって)(い|お)?(ます|る)|所持して(います|いる|おります|おり)|取得済|あり(?!ません)|ある")]
    private static partial Regex Held();

    /// <summary>「知的障害はない」「認知症ではない」 deny the sign written just before.</summary>
    private static bool IsDenied(string text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 8)];
        // 「認知症ではないか」「じゃないかと思う」 voice a suspicion, not a denial.
        // 「知的障害の診断は受けていません」 denies it as firmly as 「知的障害はない」.
        return (Regex.IsMatch(rest, "^(は|が|も)?(ない|なく|ありません|無い|ではな|じゃな|ではありません)") && !Regex.IsMatch(rest, "^(では|じゃ)ない(か|かな|でしょうか)"))
               || Regex.IsMatch(text[end..Math.Min(text.Length, end + 14)], "^の(診断|判定)(は|を|も)?(受けていな|受けていません|受けてな|出ていな|出ていません|ない|ありません)");
    }
}
