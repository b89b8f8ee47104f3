using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Questions;

/// <summary>
/// Per-question readings of typed answers that the generic yes / no parser gets wrong: where
/// someone is now is not whether they have a home (「公園にいます」), a finished thing is a no
/// (「保護観察はもう終わった」), the asker can be the value (「私が引き受けます」), and 「まだ話せていません」
/// is not a refusal. Each returns null when it has nothing to add, and the generic parser reads the text.
/// </summary>
internal static partial class AnswerMeanings
{
    public const string HousingNotSettled = "住む家は、まだ決まっていない、ということですね？";
    public const string HousingSettled = "住む家がある、ということですね？";
    public const string ProbationNotYet = "いまは保護観察を受けていない（これから）、ということですね？";

    // 〜と聞いています: the fact is kept (it is what the asker knows); only the reporting verb goes,
    // because its 「います」 would read as a yes.
    // Who said it may stand between: 「いないと弁護士さんから聞いています」.
    [GeneratedRegex(@"(と|って|っと)\s?(?<source>[^、。,\s]{1,12}?(から|より)(は)?\s?)?(聞いて(い|お)?(ます|る)|聞きました|聞いた|きいて(い)?(ます|る)|ききました|きいた|言って(い)?(ました|ます|た|る)|言われ(ました|た|ています)|いわれ(ました|た|ています)|いって(い)?(ました|た))|とのことです|とのこと|らしいです|らしい|みたいです|みたい|ようです", RegexOptions.None)]
    private static partial Regex HearsayTail();

    // Or lead the answer: 「弁護士さんによると、いないそうです」「保護観察官から、いると聞いています」.
    [GeneratedRegex(@"^(?<source>[^、。,\s]{1,12}?)(によると|によれば|の話では|の話だと|から(は)?[、,\s])\s?")]
    private static partial Regex HearsayLead();

    /// <summary>The text without a hearsay tail or the speaker leading it (「出所したと聞いています」 → 「出所した」).</summary>
    public static string WithoutHearsay(string normalized)
    {
        var fact = HearsayTail().Replace(normalized, string.Empty).Trim();
        var lead = HearsayLead().Match(fact);
        return lead.Success && (fact != normalized || normalized.Contains("そう", StringComparison.Ordinal)) ? fact[lead.Length..].Trim() : fact;
    }

    /// <summary>Who the asker heard it from, when they say (「弁護士さんから聞いています」 → 弁護士さん), or null.</summary>
    public static string? HearsaySource(string normalized)
    {
        var tail = HearsayTail().Match(normalized);
        if (tail.Success && tail.Groups["source"].Success)
        {
            return Speaker(tail.Groups["source"].Value);
        }

        var lead = HearsayLead().Match(normalized);
        return lead.Success && (tail.Success || normalized.Contains("そう", StringComparison.Ordinal)) ? Speaker(lead.Groups["source"].Value) : null;
    }

    private static string? Speaker(string phrase)
    {
        var speaker = phrase.Trim().TrimEnd('は').Trim();
        foreach (var particle in new[] { "から", "より" })
        {
            if (speaker.EndsWith(particle, StringComparison.Ordinal))
            {
                speaker = speaker[..^particle.Length];
            }
        }

        return speaker.Length is > 0 and <= 12 ? speaker : null;
    }

    // Places that are no home at all.
    [GeneratedRegex("路上|ろじょう|野宿|のじゅく|公園|こうえん|ホームレス|ほーむれす|車中泊|しゃちゅうはく|車で寝|車の中|くるまで|駅で寝|河川敷|橋の下|住所不定|住居不定|段ボール|ダンボール")]
    private static partial Regex NoHomePlace();

    // Stays that are not a settled home: a friend's, a net café, a facility used for a while.
    [GeneratedRegex("友人宅|友人の(家|所|ところ|とこ)|友達の(家|所|ところ|とこ)|友だちの(家|所|ところ|とこ)|ともだちの(いえ|家|とこ)|知人宅|知人の(家|所|ところ)|知り合いの(家|所|ところ)|しりあいの|彼女の家|彼氏の家|ネットカフェ|ネカフェ|ねっとかふぇ|漫画喫茶|マンガ喫茶|まんが喫茶|まんがきっさ|カプセルホテル|ビジネスホテル|ホテル|ほてる|簡易宿泊所|ドヤ|シェルター|しぇるたー|更生保護施設|こうせいほご|自立準備ホーム|一時保護|無料低額宿泊所|サウナ|転々|てんてん|泊めてもら|とめてもら|居候|いそうろう")]
    private static partial Regex TemporaryPlace();

    // A settled home, named: without it (「実家には帰れない」) the person may still have another.
    [GeneratedRegex("実家|じっか|自宅|じたく|持ち家|アパート|あぱーと|マンション|借家|公営住宅|市営住宅|県営住宅|都営住宅|グループホーム|ぐるーぷほーむ|家族と|かぞくと|家に(帰|戻|住)|いえに(かえ|もど|す)")]
    private static partial Regex SettledPlace();

    // A place to live in general: lacking it is plainly no home (「住むところがない」).
    [GeneratedRegex("(住む|帰る|すむ|かえる|住める|帰れる|戻る|もどる)(家|いえ|ところ|とこ|所|場所|ばしょ)|家(?!族)|いえ|住まい|すまい|住居")]
    private static partial Regex PlaceToLive();

    [GeneratedRegex("ない|無い|なく|ません|ねえ|ねー|決まってな|決まっていな|きまってな|未定|探して|さがして|見つから|みつから|追い出|出され|いられな|帰れな|戻れな|かえれな|もどれな")]
    private static partial Regex Lacking();

    [GeneratedRegex("(家族|かぞく|親|母|父|身内|みうち|頼れる人|たよれる人)(は|も|が)?(いない|いません|いなく)")]
    private static partial Regex NobodyToGoTo();

    [GeneratedRegex("(家|いえ)(に|で)(い|居)(ます|る|て|ま)")]
    private static partial Regex AtAHome();

    [GeneratedRegex("(に|で)(い|居)(ます|る|て|ま)|で(寝|ね)て|に泊|で(暮ら|くら|生活|過ご)|に住んで|にすんで")]
    private static partial Regex Whereabouts();

    public static AnswerReading? Housing(string normalized)
    {
        var text = WithoutHearsay(normalized).Replace(" ", string.Empty, StringComparison.Ordinal);
        var lacking = Lacking().IsMatch(text);
        if (NoHomePlace().IsMatch(text))
        {
            return new AnswerReading(Answer.No);
        }

        if (TemporaryPlace().IsMatch(text))
        {
            return new AnswerReading(Answer.No, Unstable: true);
        }

        if (SettledPlace().IsMatch(text))
        {
            return lacking ? new AnswerReading(Answer.No, HousingNotSettled) : new AnswerReading(Answer.Yes);
        }

        if (PlaceToLive().IsMatch(text) && lacking)
        {
            return new AnswerReading(Answer.No);
        }

        if (NobodyToGoTo().IsMatch(text))
        {
            // 「家族はいない」 is about people, not a place: the person says whether that means no home.
            return new AnswerReading(Answer.No, HousingNotSettled);
        }

        if (AtAHome().IsMatch(text))
        {
            // 「母の家にいます」: probably a home, but a stay is possible; the person says which.
            return new AnswerReading(Answer.Yes, HousingSettled);
        }

        if (Whereabouts().IsMatch(text))
        {
            // 「病院にいます」 says where, not whether there is a home to go to.
            return new AnswerReading(Answer.No, HousingNotSettled);
        }

        if (text.Contains("まだ", StringComparison.Ordinal) && lacking)
        {
            return new AnswerReading(Answer.No);
        }

        return null;
    }

    [GeneratedRegex("終わ|おわ|終了|しゅうりょう|満了|まんりょう|解除|かいじょ|明け|済み|済んだ|すんだ|以前|前は|昔|むかし|かつて|期間が過ぎ|切れ")]
    private static partial Regex Finished();

    [GeneratedRegex("これから|予定|よてい|つく見込み|なる見込み")]
    private static partial Regex Future();

    [GeneratedRegex("(受け|うけ|つい|付い)て(い|お)?(ます|る)")]
    private static partial Regex OnIt();

    public static AnswerReading? Probation(string normalized)
    {
        var text = WithoutHearsay(normalized).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (Finished().IsMatch(text))
        {
            return new AnswerReading(Answer.No);
        }

        if (Future().IsMatch(text))
        {
            return new AnswerReading(Answer.No, ProbationNotYet);
        }

        if (OnIt().IsMatch(text) && !Lacking().IsMatch(text))
        {
            return new AnswerReading(Answer.Yes);
        }

        if (text.Contains("仮釈放中", StringComparison.Ordinal) || text.Contains("保護観察付", StringComparison.Ordinal)
            || text.Contains("保護観察中", StringComparison.Ordinal))
        {
            return Lacking().IsMatch(text) ? null : new AnswerReading(Answer.Yes);
        }

        return null;
    }

    [GeneratedRegex("^(私|わたし|わたくし|自分|じぶん|僕|ぼく|俺|おれ|母|父|夫|妻|兄|姉|弟|妹|息子|娘|家族|親|叔父|叔母|伯父|伯母|祖母|祖父|主人|妻の|夫の)(が|で|です|がなり|がなる|が引き|がひき)")]
    private static partial Regex SomeoneNamed();

    [GeneratedRegex("引き受け|ひきうけ|引受人になり|引受人にな|なります|なる予定")]
    private static partial Regex TakesOn();

    [GeneratedRegex("られない|られません|れない|れません|できない|できません|断られ|ことわられ|いない|いません|ない|ません|探して|さがして|見つから|みつから")]
    private static partial Regex Refused();

    [GeneratedRegex("探して|さがして|見つから|みつから|断られ|ことわられ|決まっていな|決まってな")]
    private static partial Regex NobodyYet();

    public static AnswerReading? Guarantor(string normalized)
    {
        var text = WithoutHearsay(normalized).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (NobodyYet().IsMatch(text))
        {
            // 「探しています」: its 「います」 is not a yes.
            return new AnswerReading(Answer.No);
        }

        if (Refused().IsMatch(text))
        {
            return SomeoneNamed().IsMatch(text) || TakesOn().IsMatch(text) ? new AnswerReading(Answer.No) : null;
        }

        return SomeoneNamed().IsMatch(text) || TakesOn().IsMatch(text) ? new AnswerReading(Answer.Yes) : null;
    }

    [GeneratedRegex("まだ|これから|今度|こんど|確認中|確認していな|確認できていな|確認できてな|話せてい?な|話していな|話してな|伝えていな|伝えてな|伝えられてい?な|聞いていな|聞けてい?な|きいてな|はなしてな|はなせてな|つたえてな|連絡が(取|と)れ|会えてい?な|あえてな")]
    private static partial Regex NotAskedYet();

    [GeneratedRegex("内緒|ないしょ|秘密|ひみつ|(本人|息子|娘|夫|妻|母|父|兄|姉|弟|妹|彼|彼女|主人)(は|には|に)?(知らな|しらな|知りません|言っていな|言ってな|言えな)")]
    private static partial Regex KeptFrom();

    [GeneratedRegex("嫌が|いやが|反対|拒否|きょひ|同意していな|同意してな|同意しな|望んでいな|望んでな|希望していな")]
    private static partial Regex Objects();

    [GeneratedRegex("同意して(い|お|ま)|同意を得|同意済|了承|承諾|知って(い|る|ま)|しって(い|る|ま)|本人の希望|本人が希望|本人も希望|望んで(い|る|ま)|頼まれ|たのまれ|本人から|本人が相談|伝えてあり|伝えて(い|ま)|話してあり|話して(い|ま)")]
    private static partial Regex Agrees();

    public static AnswerReading? SubjectAgrees(string normalized)
    {
        var text = WithoutHearsay(normalized);
        if (Objects().IsMatch(text) || KeptFrom().IsMatch(text))
        {
            return new AnswerReading(Answer.No);
        }

        if (NotAskedYet().IsMatch(text))
        {
            // Not asked yet is not a no: the coordinator asks later.
            return new AnswerReading(Answer.Unknown);
        }

        return Agrees().IsMatch(text) ? new AnswerReading(Answer.Yes) : null;
    }

    // 「息子のことで」「うちの母が」: the word names the subject, so the writer is the other side.
    [GeneratedRegex("(?:うちの|私の|わたしの)?(?<who>息子|むすこ|娘|むすめ|夫|おっと|妻|つま|主人|旦那|母|はは|父|ちち|兄|姉|弟|妹|孫|祖母|祖父|おばあちゃん|おじいちゃん)(?:さん)?(?:のこと|について|が|は|に)")]
    private static partial Regex SubjectWord();

    /// <summary>
    /// The writer's relation when the text names the subject (「息子のことで相談です」 → 親), or null
    /// when it does not, or names the writer instead (「母です」).
    /// </summary>
    public static Relation? RelationFromSubject(string normalized)
    {
        var match = SubjectWord().Match(normalized);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["who"].Value switch
        {
            "息子" or "むすこ" or "娘" or "むすめ" => Relation.Parent,
            "夫" or "おっと" or "妻" or "つま" or "主人" or "旦那" => Relation.Spouse,
            "母" or "はは" or "父" or "ちち" => Relation.Child,
            "兄" or "姉" or "弟" or "妹" => Relation.Sibling,
            "孫" => Relation.Grandparent,
            _ => Relation.OtherRelative,
        };
    }

    // 「山田花子です」「横浜弁護士会と申します」: what is said around a name is not part of it.
    [GeneratedRegex(@"^(?:(?:私|わたし|わたくし|僕|ぼく|俺|おれ|自分)(?:の名前)?は|(?:名前|なまえ|氏名)は|(?:所属|事務所|弁護士会)は)\s?")]
    private static partial Regex NameLead();

    [GeneratedRegex(@"\s?(?:と申します|ともうします|と言います|といいます|と申す者です|でございます|といいますです|です|だよ|になります|の者です|のものです|の者|所属です|に所属しています|に所属|所属)[。.!、\s]*$")]
    private static partial Regex NameTail();

    /// <summary>A name or an organisation without 「です」「と申します」 or 「私は」 around it, as typed otherwise.</summary>
    public static string BareName(string typed)
    {
        var trimmed = typed.Trim().TrimEnd('。', '.', '!', '！', '、');
        var bare = NameTail().Replace(trimmed, string.Empty);
        bare = NameLead().Replace(bare, string.Empty).Trim();
        return bare.Length == 0 ? trimmed : bare;
    }
}
