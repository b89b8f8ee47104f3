using System.Globalization;

namespace IntakeBot.Bot.Dashboard;

/// <summary>A horizontal bar chart as inline SVG, drawn on the server (no script).</summary>
public static class BarChart
{
    public static void Write(Html h, string title, IReadOnlyList<(string Label, int Count)> data)
    {
        const int barHeight = 22, labelWidth = 230, chartWidth = 360, gap = 6;
        var max = Math.Max(1, data.Count == 0 ? 1 : data.Max(d => d.Count));
        var height = Math.Max(1, data.Count) * (barHeight + gap);
        h.Raw(string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{labelWidth + chartWidth + 60}\" height=\"{height}\" role=\"img\""))
            .Attr("aria-label", title).Raw(">");
        for (var i = 0; i < data.Count; i++)
        {
            var (label, count) = data[i];
            var y = i * (barHeight + gap);
            var width = (int)Math.Round(chartWidth * (double)count / max);
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">")).Text(label).Raw("</text>");
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"#3b6ea5\"></rect>"));
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"13\">{count}</text>"));
        }

        h.Raw("</svg>");
    }
}
