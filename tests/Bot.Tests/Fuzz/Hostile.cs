using System.Text;

namespace IntakeBot.Bot.Tests.Fuzz;

/// <summary>The hostile values the generator draws from: strings, ids, JSON values and broken bodies.</summary>
public static class Hostile
{
    /// <summary>Put into every free text the fuzz sends (messages, names, notes, passwords): it must never reach a log line.</summary>
    public const string TextMarker = "ZQXTEXT";

    /// <summary>Put into hostile ids: ids may be logged (the logging policy allows ids), text may not.</summary>
    public const string IdMarker = "ZQXID";

    public static readonly string[] Unicode =
    [
        "\uD800", "a\uDC00b", "\uDBFF\uDBFF", "x\uD83D", "\u202Eevil\u202C txt.exe", "\u200B\u200C\u200D\u2060\uFEFF",
        "\0", "a\0b\0", "e" + new string('\u0301', 300), "👨‍👩‍👧‍👦🏳️‍🌈🙇", "ｶﾞｯﾂ ﾊﾝｶｸ ｶﾀｶﾅ", "ＦＵＬＬ　ＷＩＤＴＨ１２３",
        "𠮷野家の𩸽", "\uFFFE\uFFFF\uFFFD", "\u001b[2J\u001b[31mred\u001b[0m", "\r\n\r\nHTTP/1.1 200 OK\r\n", "\t\v\f\b",
        "١٢٣٤ ۱۲۳", "𝕳𝖊𝖑𝖑𝖔", "\u0085\u2028\u2029", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "\u3000\u00A0\u2003", "①②③ ㈱ ㌔",
        "\u180E\u061C\u200E\u200F", "null", "undefined", "[object Object]", "%00%0d%0a", "\\u0000", "'\"`",
    ];

    public static readonly string[] Sql =
    [
        "' OR '1'='1", "'; DROP TABLE conversations; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(1)--", "%' --",
        "') UNION SELECT UserName, PasswordHash FROM staff_users--", "1' AND 1=CONVERT(int,(SELECT @@version))--",
        "'||(SELECT sqlite_version())||'", "$$; DELETE FROM tickets; $$", "\\'; --", "ORDER BY 1--", "*/ OR 1=1 /*",
    ];

    public static readonly string[] Html =
    [
        "<script>alert(1)</script>", "<svg onload=alert(1)>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
        "\"><iframe src=javascript:alert(1)>", "{{7*7}}${7*7}<%= 7*7 %>", "<a href=\"javascript:alert(1)\">x</a>",
        "</textarea><script>alert(1)</script>", "<math><mi//xlink:href=\"data:x,<script>alert(1)</script>\">", "&lt;script&gt;",
    ];

    public static readonly string[] Traversal =
    [
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "....//....//",
        "/etc/passwd", "C:\\Windows\\System32", "file:///etc/passwd", "%00", "..;/", "~root",
    ];

    public static readonly string[] Format = ["%s%s%s%n", "{0}{1}", "{{}}", "%d %x %p", "${jndi:ldap://127.0.0.1:1/a}", "#{7*7}"];

    /// <summary>Words the conversation reacts to, so hostile turns also go down the real paths (handoff, quit, restart).</summary>
    public static readonly string[] FlowWords =
    [
        "相談を始める", "同意する", "同意しない", "人と話したい", "やめる", "最初から", "戻る", "はい", "いいえ", "ヘルプ",
        "家族・親族です", "72歳", "令和8年12月3日", "わからない", "090-1234-5678", "センターは何をしてくれますか？", "死にたい",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    /// <summary>Any hostile string (no marker).</summary>
    public static string Any(Random random) => random.Next(6) switch
    {
        0 => random.Pick(Unicode),
        1 => random.Pick(Sql),
        2 => random.Pick(Html),
        3 => random.Pick(Traversal),
        4 => random.Pick(Format),
        _ => random.Pick(Unicode) + random.Pick(Sql) + random.Pick(Html),
    };

    /// <summary>Free text: marked hostile text, a flow word, or a length at and around the limits.</summary>
    public static string Text(Random random) => random.Next(10) switch
    {
        0 or 1 => random.Pick(FlowWords),
        2 => TextMarker + new string('あ', random.Pick(new[] { 1990, 1993, 1994, 2100, 70_000 })),
        3 => TextMarker + string.Concat(Enumerable.Repeat(random.Pick(Unicode), random.Next(1, 60))),
        _ => TextMarker + " " + Any(random) + (random.Chance(0.3) ? " " + Any(random) : string.Empty),
    };

    /// <summary>An id-like value: hostile, long, empty, or with separators.</summary>
    public static string Id(Random random) => random.Next(8) switch
    {
        0 => string.Empty,
        1 => IdMarker + new string('i', random.Pick(new[] { 250, 257, 300, 5000 })),
        2 => IdMarker + "|0000001",
        3 => IdMarker + ":" + random.Pick(Traversal),
        4 => IdMarker + random.Pick(Unicode),
        5 => IdMarker + random.Pick(Sql),
        6 => IdMarker + random.Pick(Html),
        _ => " " + IdMarker + " ",
    };

    /// <summary>A JSON value of any type, for fields that expect another one.</summary>
    public static object? WrongValue(Random random) => random.Next(16) switch
    {
        0 => null,
        1 => 123,
        2 => -1L,
        3 => new RawJson("1e999"),
        4 => new RawJson("NaN"),
        5 => true,
        6 => new List<object?>(),
        7 => new Dictionary<string, object?>(),
        8 => new List<object?> { Any(random), 1, null },
        9 => new Dictionary<string, object?> { ["$type"] = "System.IO.FileInfo", ["__proto__"] = new Dictionary<string, object?> { ["x"] = 1 } },
        10 => new RawJson("9223372036854775808"),
        11 => new RawJson("-0.0e-0"),
        12 => Text(random),
        13 => Id(random),
        14 => new RawJson(new string('[', 100) + new string(']', 100)),
        _ => new RawJson("\"" + new string('x', 100_000) + "\""),
    };

    /// <summary>Breaks a JSON text in one of many ways; returns the bytes to send.</summary>
    public static byte[] Corrupt(Random random, string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        switch (random.Next(22))
        {
            case 0:
                return utf8[..random.Next(Math.Max(1, utf8.Length))];
            case 1:
                return Encoding.UTF8.GetBytes(json.Replace("\"", string.Empty, StringComparison.Ordinal));
            case 2:
                return Encoding.UTF8.GetBytes(json.Replace("\"", "'", StringComparison.Ordinal));
            case 3:
                return Encoding.UTF8.GetBytes(json.TrimEnd('}') + ",}");
            case 4:
                return Encoding.UTF8.GetBytes("// comment\n" + json + " /* trailing */");
            case 5:
                return [0xEF, 0xBB, 0xBF, .. utf8];
            case 6:
                return Encoding.Unicode.GetBytes(json);
            case 7:
                return Encoding.UTF32.GetBytes(json);
            case 8:
            {
                var copy = utf8.ToArray();
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    copy[random.Next(copy.Length)] = random.Pick(new byte[] { 0xFF, 0xC0, 0x80, 0x00, 0xED, 0xF8, (byte)'"', (byte)'{', (byte)'\\' });
                }

                return copy;
            }

            case 9:
                return [.. utf8, .. utf8];
            case 10:
                return Encoding.UTF8.GetBytes("[" + json + "]");
            case 11:
                return Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));
            case 12:
                return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000));
            case 13:
                return [];
            case 14:
                return Encoding.UTF8.GetBytes(random.Pick(new[] { " ", "null", "[]", "\"text\"", "0", "true", "{}", "{\"\":\"\"}", "\n\n" }));
            case 15:
                return Encoding.UTF8.GetBytes(json.Insert(1, "\"type\":\"message\",\"type\":1,"));
            case 16:
                return [.. utf8[..(utf8.Length / 2)], 0xED, 0xA0, 0x80, .. utf8[(utf8.Length / 2)..]];
            case 17:
                return Encoding.UTF8.GetBytes(json.Replace(":", ":\u0000", StringComparison.Ordinal));
            case 18:
                return Encoding.UTF8.GetBytes(json + new string(' ', 70_000));
            case 19:
                return Encoding.Latin1.GetBytes(json);
            case 20:
            {
                var copy = utf8.ToArray();
                random.NextBytes(copy.AsSpan(random.Next(copy.Length)));
                return copy;
            }

            default:
                return Encoding.UTF8.GetBytes(json.Replace(",", ",,", StringComparison.Ordinal));
        }
    }

    /// <summary>A Content-Type header value (null: none).</summary>
    public static string? ContentType(Random random) => random.Next(14) switch
    {
        < 7 => "application/json",
        7 => null,
        8 => "text/plain",
        9 => "application/x-www-form-urlencoded",
        10 => "multipart/form-data; boundary=----x",
        11 => "application/json; charset=utf-16",
        12 => "application/json; charset=\u00ff\u00fe",
        _ => random.Pick(new[] { "%%%", "application/json, text/html", "*/*", "application/xml", "application/json; boundary=\"", "" }),
    };
}
