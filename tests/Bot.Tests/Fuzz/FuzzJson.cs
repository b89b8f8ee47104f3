using System.Globalization;
using System.Text;

namespace IntakeBot.Bot.Tests.Fuzz;

/// <summary>JSON text that is already what it should be on the wire (a fragment the writer copies as is).</summary>
public sealed record RawJson(string Text);

/// <summary>
/// A small JSON writer for hostile bodies: unlike System.Text.Json it writes any string, lone
/// surrogates included (as <c>\uD800</c> escapes), keeps duplicate keys, and copies
/// <see cref="RawJson"/> fragments untouched (NaN, 1e999, comments, broken nesting).
/// </summary>
public static class FuzzJson
{
    public static string Write(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case RawJson raw:
                sb.Append(raw.Text);
                break;
            case string s:
                AppendString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case int or long:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> fields:
                sb.Append('{');
                var first = true;
                foreach (var (key, item) in fields)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    AppendString(sb, key);
                    sb.Append(':');
                    Append(sb, item);
                }

                sb.Append('}');
                break;
            case System.Collections.IEnumerable items:
                sb.Append('[');
                var comma = false;
                foreach (var item in items)
                {
                    if (comma)
                    {
                        sb.Append(',');
                    }

                    comma = true;
                    Append(sb, item);
                }

                sb.Append(']');
                break;
            default:
                throw new ArgumentException("unsupported " + value.GetType());
        }
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                // A proper pair (emoji, 𠮷) goes out as UTF-8.
                sb.Append(c).Append(s[++i]);
                continue;
            }

            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c))
                    {
                        // Control characters must be escaped; a lone surrogate is escaped so it survives UTF-8.
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
