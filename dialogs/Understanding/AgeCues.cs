using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// The subject's age, told apart from the writer's: 「72歳の父」 and 「本人は68歳」 are the
/// subject, 「私は50歳で」 is the writer (unless the writer is the subject). When several
/// relatives' ages are given (「兄は65歳、父は90歳です」), the one the story is about wins.
/// </summary>
internal static partial class AgeCues
{
    // Kin words in kanji and in kana (「ははは７８さい」 in a message typed without conversion).
    private const string Kin = "(義父|義母|義兄|義姉|義弟|義妹|父親|母親|父|母|息子|娘|夫|妻|主人|兄|弟|姉|妹|祖父|祖母|孫|甥|姪|叔父|叔母|伯父|伯母|長男|次男|長女|次女"
                               + "|(?<![ぁ-ゖ-[でとにをもがへや]])(ちち|はは|むすこ|むすめ|おっと|つま|あに|あね|おとうと|いもうと))";

    private const string Subject = "(子ども|子供|本人|被疑者|被告人|対象者|利用者|受刑者|在院者|患者|男性|女性|方|人|子)";
    private const string Writer = "(私|わたし|わたくし|自分|僕|ぼく|俺|おれ|オレ|わし|あたし)";

    [GeneratedRegex("(\\d{1,3}|[〇一二三四五六七八九十百]{1,5})\\s*(歳|才|さい)")]
    private static partial Regex Age();

    // 「主人（75）」「母(79)は」: a bare number in brackets right after a person is their age.
    [GeneratedRegex("(" + Kin + "|" + Subject + "|" + Writer + ")(さん)?\\((\\d{1,3})\\)")]
    private static partial Regex BracketAge();

    [GeneratedRegex("^\\s*(代|前後|くらい|ぐらい|位)")]
    private static partial Regex Approximate();

    [GeneratedRegex("^(の|になる|になった)(" + Kin + "|" + Subject + ")")]
    private static partial Regex FollowedBySubject();

    [GeneratedRegex("(" + Kin + "|" + Subject + ")(さん)?(\\(|は|が|も|、|\\s)*(今年|現在|今|もう)?\\s*$")]
    private static partial Regex PrecededBySubject();

    [GeneratedRegex(Writer + "(\\(|は|が|も|、|\\s)*(今年|現在|今|もう)?\\s*$")]
    private static partial Regex PrecededByWriter();

    [GeneratedRegex("(" + Kin + "|(?<!\\d)" + Subject + "|" + Writer + ")(さん)?(は|が|も|\\(|\\s)")]
    private static partial Regex LastPerson();

    [GeneratedRegex(Writer + "(は|が|も)")]
    private static partial Regex WriterMention();

    [GeneratedRegex("(昭和|平成|令和|大正|[SHR]\\s*\\d|\\d{4}\\s*[年/.-])[^。、]{0,14}生(まれ|\\)|です|で、)|生年月日[はが:：\\s]*[^。、]{4,16}")]
    private static partial Regex BirthDate();

    // subjectWord is the kin word the story is about (「兄のことです」 gives 兄), if known.
    public static AgeAnswer? SubjectAge(string text, AskerRole? role, string? subjectWord, DateOnly today)
    {
        if (BirthDate().Match(text) is { Success: true } birth)
        {
            var parsed = AnswerParsers.Age(birth.Value, today);
            if (parsed.IsValue)
            {
                return parsed.Value;
            }
        }

        var subjectAges = new List<(int Age, string Word)>();
        var unattributed = new List<int>();
        foreach (Match match in BracketAge().Matches(text))
        {
            var word = match.Groups[1].Value;
            if (int.TryParse(match.Groups[^1].Value, out var age) && age is >= 10 and <= 110)
            {
                Attribute(age, word);
            }
        }

        foreach (Match match in Age().Matches(text))
        {
            if (Approximate().IsMatch(text.AsSpan(match.Index + match.Length).ToString()))
            {
                continue;
            }

            var parsed = AnswerParsers.Age(match.Value, today);
            if (!parsed.IsValue)
            {
                continue;
            }

            var before = text[Math.Max(0, match.Index - 8)..match.Index];
            var after = text[(match.Index + match.Length)..Math.Min(text.Length, match.Index + match.Length + 6)];
            if (FollowedBySubject().Match(after) is { Success: true } follows)
            {
                Attribute(parsed.Value.Age, follows.Groups[2].Value);
            }
            else if (PrecededBySubject().Match(before) is { Success: true } precedes)
            {
                Attribute(parsed.Value.Age, precedes.Groups[1].Value);
            }
            else if (PrecededByWriter().IsMatch(before))
            {
                Attribute(parsed.Value.Age, "私");
            }
            else if (LastPerson().Matches(text[..match.Index]).LastOrDefault() is { } topic)
            {
                // No one is named next to the age: Japanese leaves out the subject that is
                // still the topic, so 「母が捕まりました。もう80歳なのに。」 is the mother's age.
                Attribute(parsed.Value.Age, topic.Groups[1].Value);
            }
            else
            {
                unattributed.Add(parsed.Value.Age);
            }
        }

        // The relative the story is about outranks the other relatives it mentions.
        var chosen = subjectWord is not null && subjectAges.Any(a => a.Word == subjectWord)
            ? subjectAges.Where(a => a.Word == subjectWord).Select(a => a.Age).ToList()
            : subjectAges.Select(a => a.Age).ToList();
        if (chosen.Distinct().Count() == 1)
        {
            return new AgeAnswer(chosen[0], null);
        }

        // One age nobody claims is the subject's, unless someone other than the subject writes
        // about themselves too (then it may be the writer's own age).
        var writerSpeaksOfThemselves = role != AskerRole.Self && WriterMention().IsMatch(text);
        return subjectAges.Count == 0 && unattributed.Distinct().Count() == 1 && !writerSpeaksOfThemselves
            ? new AgeAnswer(unattributed[0], null)
            : null;

        void Attribute(int age, string word)
        {
            var isWriter = Regex.IsMatch(word, "^" + Writer + "$");
            var isKin = Regex.IsMatch(word, "^" + Kin + "$");

            // A writer telling their own story: their age is the subject's, a relative's is not.
            if (role == AskerRole.Self ? isWriter : !isWriter)
            {
                subjectAges.Add((age, word));
            }
            else if (role == AskerRole.Self && !isKin)
            {
                subjectAges.Add((age, word));
            }
        }
    }
}
