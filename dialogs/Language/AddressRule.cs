using System.Text.RegularExpressions;

namespace IntakeBot.Dialogs.Language;

/// <summary>
/// Street-level addresses only: a municipality (with or without its prefecture), a town name and
/// block numbers (丁目, 番地, 号, 1-2-3), plus a following building and room number; or anything
/// ending in block numbers right after a label such as 住所. A prefecture or municipality on its
/// own (「横浜市に帰る」) stays: the 帰住予定地 at that level is an intake fact and identifies no one.
/// </summary>
internal sealed partial class AddressRule : IPiiRule
{
    public IEnumerable<PiiSpan> Find(string folded)
    {
        foreach (Match match in Street().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.Address, match.Index, match.Length);
        }

        foreach (Match match in Labelled().Matches(folded))
        {
            yield return new PiiSpan(PiiCategory.Address, match.Index, match.Length);
        }
    }

    private const string Kanji = @"\p{IsCJKUnifiedIdeographs}々ヶ";

    private const string Prefecture =
        "(?:北海道|東京都|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)";

    // Municipality names are short; the bound keeps a preceding word (出所後横浜市) mostly out.
    // Cities spelled in hiragana are listed, because hiragana elsewhere would let a match run
    // across particles into the sentence.
    private const string Municipality =
        "(?:[" + Kanji + @"\u30A1-\u30FAー]{1,4}?(?:市|区|町|村|郡)"
        + "|(?:さいたま|つくばみらい|つくば|ひたちなか|いわき|いすみ|かすみがうら|みどり|あきる野|いちき串木野|みやま|うきは|えびの|たつの|あわら|かほく|にかほ|むつ|つがる|みよし|いなべ|ふじみ野|南あわじ)市)";

    // Town names may hold kana (みなとみらい, 緑が丘) but not the particles that would join the
    // municipality to the rest of the sentence (横浜市に住んで…).
    private const string Town = "[" + Kanji + @"\u30A1-\u30FAー・ぁ-ゖ-[にはをでへ]]{0,12}?";

    private const string KanjiNumber = "[〇一二三四五六七八九十百]{1,4}";
    private const string Number = "(?:[0-9]{1,4}|" + KanjiNumber + ")";

    private const string Block =
        "(?:" + Number + " ?丁目(?: ?" + Number + " ?(?:番地?|-)(?: ?" + Number + " ?号?)?)?"
        + "|" + Number + " ?番地(?:の? ?" + Number + " ?号?)?"
        + "|" + Number + " ?番(?![目手組線])(?: ?" + Number + " ?号)?"
        + "|[0-9]{1,4}(?:-[0-9]{1,4}){1,3}"
        + "|[0-9]{1,4}(?:の[0-9]{1,4}){1,2})"
        // A number followed by a unit is a quantity (町田市の2-3日後, 3-4年), not a block.
        + "(?![0-9年月日歳人回時分秒才週か個件本枚])";

    private const string Room =
        "(?: ?[" + Kanji + @"\u30A1-\u30FAーA-Za-z・]{1,20}? ?[0-9]{1,4}(?:号室|号)?(?![0-9年月日歳人回時分才])"
        + "| ?[0-9]{1,4}号室)?";

    [GeneratedRegex("(?:" + Prefecture + " ?)?(?:" + Municipality + " ?){1,3}" + Town + " ?" + Block + Room, RegexOptions.CultureInvariant)]
    private static partial Regex Street();

    [GeneratedRegex(
        "(?<=(?:住所|現住所|住所地|居所|住まい|居住地)(?:は|:)? ?)(?![は: ])[^ 、。,\\n]{0,24}?" + Block + Room,
        RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();
}
