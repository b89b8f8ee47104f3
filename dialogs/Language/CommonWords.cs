using System.Globalization;
using System.Text;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Frequent words of the Latin-script languages the detector tells apart, and the Chinese
/// characters that mark Chinese as opposed to Japanese written in kanji only. Words shared by
/// two languages (que, de, por) are listed in both: they add to both scores and so decide nothing.
/// </summary>
internal static class CommonWords
{
    public static readonly IReadOnlyDictionary<string, HashSet<string>> Latin = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
    {
        ["en"] = Set(
            "the", "and", "i", "you", "my", "is", "are", "am", "was", "to", "of", "in", "for", "with", "this", "that", "it",
            "have", "has", "please", "help", "need", "can", "do", "not", "what", "how", "hello", "hi", "thank", "thanks",
            "want", "speak", "english", "japanese", "father", "mother", "son", "daughter", "brother", "sister", "prison",
            "jail", "released", "release", "will", "be", "from", "would", "like", "we", "me", "he", "she", "they", "our",
            "your", "there", "here", "about", "get", "out", "next", "week", "month", "call", "don't", "dont", "understand",
            "sorry", "name", "years", "old", "who", "where", "when", "could", "should", "if", "but", "or"),
        ["es"] = Set(
            "el", "la", "los", "las", "y", "yo", "mi", "mis", "con", "un", "una", "es", "está", "están", "hola", "gracias",
            "ayuda", "necesito", "padre", "madre", "hijo", "hija", "hermano", "salir", "cárcel", "carcel", "prisión",
            "muy", "pero", "cuando", "donde", "dónde", "hablo", "español", "sí", "puedo", "quiero", "tengo", "del", "al",
            "lo", "le", "su", "sus", "usted", "hay", "qué", "cómo", "como", "en", "de", "que", "por", "favor", "no", "se",
            "me", "ayudar", "japonés", "entiendo", "soy", "mañana", "semana", "mes", "años"),
        ["pt"] = Set(
            "o", "os", "as", "e", "um", "uma", "não", "nao", "você", "voce", "meu", "minha", "meus", "ele", "ela", "com",
            "é", "são", "sao", "pai", "mãe", "mae", "filho", "filha", "irmão", "irmao", "obrigado", "obrigada", "olá",
            "ola", "ajuda", "preciso", "sair", "prisão", "prisao", "cadeia", "do", "da", "dos", "das", "no", "na", "nos",
            "em", "ao", "pelo", "pela", "isso", "isto", "também", "tambem", "muito", "ajudar", "quero", "tenho", "posso",
            "onde", "eu", "está", "estou", "por", "favor", "de", "que", "se", "japonês", "entendo", "sou", "amanhã",
            "semana", "mês", "anos"),
        ["tl"] = Set(
            "ang", "ng", "mga", "sa", "ako", "ko", "mo", "siya", "po", "opo", "salamat", "tulong", "kailangan", "hindi",
            "paano", "kasi", "ay", "ito", "iyan", "tatay", "nanay", "anak", "kapatid", "kulungan", "bilangguan",
            "lalabas", "tawag", "gusto", "pwede", "puwede", "wala", "meron", "nga", "lang", "din", "rin", "ba", "naman",
            "kayo", "kami", "tayo", "niya", "nila", "namin", "magandang", "umaga", "hapon", "gabi", "ikaw", "akin",
            "aking", "ninyo", "kung", "marunong", "nakakaintindi", "tagalog"),
        // Vietnamese is compared without diacritics, for people typing without them.
        ["vi"] = Set(
            "toi", "khong", "duoc", "nguoi", "cua", "xin", "chao", "cam", "giup", "muon", "tieng", "nhat", "viet",
            "lam", "nao", "dang", "voi", "mot", "nay", "gi", "bo", "anh", "chi", "em", "oi", "roi", "nhe", "con",
            "ban", "nha", "tu", "ra", "thang", "ngay", "sao", "hieu", "can", "la", "co", "va", "cho", "nhung"),
        // Japanese in rōmaji: it must not be mistaken for a foreign language.
        ["ja"] = Set(
            "watashi", "watakushi", "boku", "ore", "desu", "masu", "deshita", "arigatou", "arigato", "gozaimasu",
            "onegai", "onegaishimasu", "shimasu", "kudasai", "sumimasen", "hai", "iie", "nihongo", "wakarimasen",
            "wakaranai", "chichi", "haha", "musuko", "musume", "keimusho", "shussho", "soudan", "sodan", "kore", "sore",
            "nani", "doko", "itsu", "dare", "kara", "made", "yoroshiku", "konnichiwa", "konnichiha", "konbanwa",
            "ohayou", "dekimasu", "arimasu", "imasu", "nai", "wa", "ga", "wo", "desuka", "otousan", "okaasan", "ie"),
    };

    /// <summary>Characters that exist in Chinese but not in Japanese writing (simplified, and traditional forms Japan simplified differently).</summary>
    public const string ChineseOnly =
        "们这说吗么你您她呢吧啊哦嗯很哪咱俩怎还给让从对时开关见现电话谢请问帮该过个为爱亲长东车门书钱狱释联办样经发动头乐买卖边岁吃喝"
        + "們這說嗎麼從對關幫錢釋聯辦樣經發樂賣邊歲讓點裡會國學來沒";

    /// <summary>Chinese function characters that also occur inside Japanese words (知的, 完了, 現在, 不明), so only count in numbers.</summary>
    public const string ChineseFunction = "的了是我在不有也都和要就他把被没里后好";

    /// <summary>Letters only Vietnamese uses (Portuguese shares â, ê, ô, ã but not these).</summary>
    public static bool IsVietnameseOnly(char c) => c is 'ă' or 'Ă' or 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or (>= '\u1EA0' and <= '\u1EF9');

    public static string WithoutDiacritics(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is 'đ' ? 'd' : c);
            }
        }

        return builder.ToString();
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
