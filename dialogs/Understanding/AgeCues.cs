using System.Text.RegularExpressions;
using IntakeBot.Dialogs.Parsing;
using IntakeBot.Dialogs.Records;

namespace IntakeBot.Dialogs.Understanding;

/// <summary>
/// The subject's age, told apart from the writer's: 「72歳の父」 and 「本人は68歳」 are the
/// subject, 「私は50歳で」 is the writer (unless the writer is the subject).
/// </summary>
internal static partial class AgeCues
{
    private const string Subject = "(父親|母親|父|母|息子|娘|夫|妻|主人|兄|弟|姉|妹|祖父|祖母|孫|本人|被疑者|被告人|対象者|利用者|男性|女性|方|人|子|甥|姪|叔父|叔母)";
    private const string Writer = "(私|わたし|わたくし|自分|僕|ぼく|俺|おれ)";

    [GeneratedRegex("(\\d{1,3}|[〇一二三四五六七八九十百]{1,5})\\s*(歳|才|さい)")]
    private static partial Regex Age();

    [GeneratedRegex("^\\s*(代|前後|くらい|ぐらい|位)")]
    private static partial Regex Approximate();

    [GeneratedRegex("^(の|になる|になった)" + Subject)]
    private static partial Regex FollowedBySubject();

    [GeneratedRegex(Subject + "(さん)?(は|が|も|、|\\s)*(今年|現在|今|もう)?\\s*$")]
    private static partial Regex PrecededBySubject();

    [GeneratedRegex(Writer + "(は|が|も|、|\\s)*(今年|現在|今|もう)?\\s*$")]
    private static partial Regex PrecededByWriter();

    [GeneratedRegex(Writer + "(は|が|も)")]
    private static partial Regex WriterMention();

    [GeneratedRegex("(昭和|平成|令和|大正|[SHR]\\s*\\d|\\d{4}\\s*[年/.-])[^。、]{0,14}生まれ|生年月日[はが:：\\s]*[^。、]{4,16}")]
    private static partial Regex BirthDate();

    public static AgeAnswer? SubjectAge(string text, AskerRole? role, DateOnly today)
    {
        if (BirthDate().Match(text) is { Success: true } birth)
        {
            var parsed = AnswerParsers.Age(birth.Value, today);
            if (parsed.IsValue)
            {
                return parsed.Value;
            }
        }

        var subjectAges = new List<int>();
        var unattributed = new List<int>();
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
            if (FollowedBySubject().IsMatch(after) || PrecededBySubject().IsMatch(before))
            {
                subjectAges.Add(parsed.Value.Age);
            }
            else if (PrecededByWriter().IsMatch(before))
            {
                if (role == AskerRole.Self)
                {
                    subjectAges.Add(parsed.Value.Age);
                }
            }
            else
            {
                unattributed.Add(parsed.Value.Age);
            }
        }

        if (subjectAges.Distinct().Count() == 1)
        {
            return new AgeAnswer(subjectAges[0], null);
        }

        // One age nobody claims is the subject's, unless someone other than the subject writes
        // about themselves too (then it may be the writer's own age).
        var writerSpeaksOfThemselves = role != AskerRole.Self && WriterMention().IsMatch(text);
        return subjectAges.Count == 0 && unattributed.Distinct().Count() == 1 && !writerSpeaksOfThemselves
            ? new AgeAnswer(unattributed[0], null)
            : null;
    }
}
