using System.Globalization;
using System.Net;
using CharterTracker.Scoring;

namespace CharterTracker.Documents;

/// <summary>Small, dependency-free SVG charts for the reports (they print as vectors).</summary>
public static class ReportCharts
{
    private const int Width = 300;
    private const int Height = 150;
    private const int Bottom = 125;
    private const int Top = 12;

    /// <summary>One bar per quarter, 0–100.</summary>
    public static string ScoreBars(IReadOnlyList<decimal> scores, DocumentText text, string? title = null)
    {
        var svg = Start(title);
        for (var i = 0; i < scores.Count; i++)
        {
            var x = 40 + i * 65;
            var h = (double)scores[i] / 100 * (Bottom - Top);
            svg += Rect(x, Bottom - h, 40, h, "#2f6f9f");
            svg += Label(x + 20, Bottom - h - 3, text.Decimal(scores[i]));
            svg += Label(x + 20, Bottom + 14, text.Bengali ? text.Number(i + 1) : $"Q{i + 1}");
        }
        return svg + Axis() + "</svg>";
    }

    /// <summary>Stacked bars per quarter: done, late, missed, pending, as shares of the expected items.</summary>
    public static string TimelinessBars(IReadOnlyList<Rollup> quarters, DocumentText text, string? title = null)
    {
        var svg = Start(title);
        for (var i = 0; i < quarters.Count; i++)
        {
            var q = quarters[i];
            var x = 40 + i * 65;
            var y = (double)Bottom;
            foreach (var (count, colour) in new[] { (q.Done, "#2e8b57"), (q.Late, "#e0a100"), (q.Missed, "#c0392b"), (q.Pending, "#b0b0b0") })
            {
                if (q.Expected == 0 || count == 0) continue;
                var h = (double)count / q.Expected * (Bottom - Top);
                y -= h;
                svg += Rect(x, y, 40, h, colour);
            }
            svg += Label(x + 20, Bottom + 14, text.Bengali ? text.Number(i + 1) : $"Q{i + 1}");
        }
        return svg + Axis() + "</svg>";
    }

    /// <summary>The title names the chart for screen readers (and shows as a tooltip); the figures are also given as a table beside it.</summary>
    private static string Start(string? title) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\""
        + (title is null ? ">" : $" aria-label=\"{WebUtility.HtmlEncode(title)}\"><title>{WebUtility.HtmlEncode(title)}</title>");

    private static string Axis() => $"<line x1=\"30\" y1=\"{Bottom}\" x2=\"{Width - 10}\" y2=\"{Bottom}\" stroke=\"#000\" stroke-width=\"0.8\"/>";

    private static string Rect(double x, double y, double w, double h, string fill) =>
        string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{fill}\"/>");

    private static string Label(double x, double y, string label) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" font-size=\"9\" text-anchor=\"middle\" font-family=\"Noto Sans Bengali, Noto Sans, sans-serif\">{WebUtility.HtmlEncode(label)}</text>");
}
