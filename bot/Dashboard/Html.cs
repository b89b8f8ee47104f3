using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace IntakeBot.Bot.Dashboard;

/// <summary>
/// Server-side HTML. Every value that is not a literal of this code goes through
/// <see cref="Text"/> or <see cref="Attr"/> (HTML-encoded); there is no way to write raw user data.
/// Japanese stays readable (only markup characters are escaped).
/// </summary>
public sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _sb = new();

    public static string Encode(string? value) => Encoder.Encode(value ?? string.Empty);

    /// <summary>Markup written by this code (never user data).</summary>
    public Html Raw(string trustedMarkup)
    {
        _sb.Append(trustedMarkup);
        return this;
    }

    public Html Text(string? value)
    {
        _sb.Append(Encode(value));
        return this;
    }

    /// <summary>An element with encoded text content: <c>El("td", name)</c>.</summary>
    public Html El(string tag, string? text, string? cssClass = null)
    {
        _sb.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(Encode(cssClass)).Append('"');
        }

        _sb.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An attribute with an encoded value.</summary>
    public Html Attr(string name, string? value)
    {
        _sb.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        return this;
    }

    public Html Hidden(string name, string? value) => Raw("<input type=\"hidden\"").Attr("name", name).Attr("value", value).Raw(">");

    public override string ToString() => _sb.ToString();
}
