using System.Globalization;
using System.Net;
using CharterTracker.Scoring;

namespace CharterTracker.Documents;

/// <summary>
/// Small, dependency-free SVG charts for the reports and the dashboard (they print as vectors). Each carries what a
/// reader needs without the page around it: a labelled y-axis with its scale, the quarters' names on the x-axis, a
/// colour key, and "not yet due" where a quarter has not begun instead of an empty bar that reads as zero.
/// </summary>
public static class ReportCharts
{
    private const int Width = 360;
    private const int Height = 200;
    private const int Left = 46;
    private const int Top = 14;
    private const int Bottom = 150;
    private const int Slot = 76;
    private const int Bar = 40;

    /// <summary>One bar per quarter: the subtree's average score, 0–100; a quarter under way is marked "so far".</summary>
    public static string ScoreBars(IReadOnlyList<Rollup> quarters, DocumentText text, string? title = null) =>
        Chart(quarters, text, title, text.Bengali ? "গড় স্কোর" : "Average score",
            [("#2f6f9f", text.Bengali ? "সময়সীমা পার হওয়া ত্রৈমাসিক" : "quarter past its due date"), ("#8fb5d3", text.Bengali ? "চলমান (এ পর্যন্ত)" : "under way (so far)")],
            (q, x) =>
            {
                var h = (double)q.AverageScore / 100 * (Bottom - Top);
                return Rect(x, Bottom - h, Bar, h, q.Phase == PeriodPhase.Running ? "#8fb5d3" : "#2f6f9f") + Label(x + Bar / 2.0, Bottom - h - 3, text.Decimal(q.AverageScore));
            });

    /// <summary>Stacked bars per quarter: done, late, missed, pending, as percentages of the expected items.</summary>
    public static string TimelinessBars(IReadOnlyList<Rollup> quarters, DocumentText text, string? title = null) =>
        Chart(quarters, text, title, text.Bengali ? "প্রত্যাশিত কার্যক্রমের %" : "% of expected items",
            [
                (Done, text.Bengali ? "সম্পন্ন" : "done"), (Late, text.Bengali ? "বিলম্বে" : "late"),
                (Missed, text.Bengali ? "অসম্পন্ন" : "missed"), (Pending, text.Bengali ? "অপেক্ষমাণ" : "pending"),
            ],
            (q, x) =>
            {
                var (svg, y) = ("", (double)Bottom);
                foreach (var (count, colour) in new[] { (q.Done, Done), (q.Late, Late), (q.Missed, Missed), (q.Pending, Pending) })
                {
                    if (q.Expected == 0 || count == 0) continue;
                    var h = (double)count / q.Expected * (Bottom - Top);
                    y -= h;
                    svg += Rect(x, y, Bar, h, colour);
                }
                return svg;
            });

    /// <summary>The frame every chart shares: the y-axis, a slot per quarter (its bar, or "not yet due") named under it, the key.</summary>
    private static string Chart(IReadOnlyList<Rollup> quarters, DocumentText text, string? title, string axis, IReadOnlyList<(string Colour, string Label)> key, Func<Rollup, double, string> bar)
    {
        var svg = Start(title) + YAxis(axis, text);
        for (var i = 0; i < quarters.Count; i++)
        {
            var x = Left + 10 + i * Slot;
            svg += (NotYet(quarters[i]) ? NotYetDue(x, text) : bar(quarters[i], x)) + QuarterName(x, quarters[i], text);
        }
        return svg + XAxis() + Key(text, key) + "</svg>";
    }

    private const string Done = "#2e8b57";
    private const string Late = "#e0a100";
    private const string Missed = "#c0392b";
    private const string Pending = "#b0b0b0";

    /// <summary>
    /// A quarter with nothing to judge yet — not begun, or under way with nothing recorded — has no score and no share:
    /// it is drawn and printed as "not yet due", never as 0.
    /// </summary>
    public static bool NotYet(Rollup quarter) => quarter.Phase == PeriodPhase.NotStarted || quarter.Phase == PeriodPhase.Running && quarter.ScoredOffices == 0;

    /// <summary>The title names the chart for screen readers (and shows as a tooltip); the figures are also given as a table beside it.</summary>
    private static string Start(string? title) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\""
        + (title is null ? ">" : $" aria-label=\"{WebUtility.HtmlEncode(title)}\"><title>{WebUtility.HtmlEncode(title)}</title>");

    /// <summary>The y-axis from 0 to 100 with gridlines every 25, and its label written upwards.</summary>
    private static string YAxis(string label, DocumentText text)
    {
        var svg = $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Bottom}\" stroke=\"#000\" stroke-width=\"0.8\"/>";
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var y = Bottom - tick / 100.0 * (Bottom - Top);
            svg += Invariant($"<line x1=\"{Left - 3}\" y1=\"{y:0.#}\" x2=\"{Width - 6}\" y2=\"{y:0.#}\" stroke=\"{(tick == 0 ? "#000" : "#ddd")}\" stroke-width=\"0.5\"/>");
            svg += Text(Left - 5, y + 3, text.Number(tick), "end");
        }
        return svg + Invariant($"<text x=\"0\" y=\"0\" transform=\"translate(11 {(Top + Bottom) / 2}) rotate(-90)\" font-size=\"8\" text-anchor=\"middle\" font-family=\"{Font}\">{WebUtility.HtmlEncode(label)}</text>");
    }

    private static string XAxis() => $"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Width - 6}\" y2=\"{Bottom}\" stroke=\"#000\" stroke-width=\"0.8\"/>";

    private static string QuarterName(double x, Rollup quarter, DocumentText text) =>
        Label(x + Bar / 2.0, Bottom + 12, quarter.Quarter is { } n ? Quarter(n, text) : "");

    /// <summary>"১ম ত্রৈমাসিক" / "Q1": the names the report's tables use.</summary>
    public static string Quarter(int number, DocumentText text) => text.Bengali
        ? number switch { 1 => "১ম ত্রৈমাসিক", 2 => "২য় ত্রৈমাসিক", 3 => "৩য় ত্রৈমাসিক", _ => "৪র্থ ত্রৈমাসিক" }
        : $"Q{number}";

    private static string NotYetDue(double x, DocumentText text) =>
        Invariant($"<rect x=\"{x:0.#}\" y=\"{Top}\" width=\"{Bar}\" height=\"{Bottom - Top}\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"3 2\" stroke-width=\"0.6\"/>")
        + Label(x + Bar / 2.0, Bottom - 50, text.Bengali ? "সময়" : "not")
        + Label(x + Bar / 2.0, Bottom - 40, text.Bengali ? "হয়নি" : "yet due");

    /// <summary>The colour key, in a row under the quarter names.</summary>
    private static string Key(DocumentText text, IReadOnlyList<(string Colour, string Label)> entries)
    {
        var svg = "";
        var (x, y) = ((double)Left, Bottom + 24.0);
        foreach (var (colour, label) in entries)
        {
            var width = 22 + label.Length * 4.6;
            if (x + width > Width && x > Left) (x, y) = (Left, y + 14);
            svg += Rect(x, y, 9, 9, colour);
            svg += Text(x + 12, y + 8, label, "start");
            x += width;
        }
        return svg;
    }

    private const string Font = "Noto Sans Bengali, Noto Sans, sans-serif";

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rect(double x, double y, double w, double h, string fill) =>
        Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{fill}\"/>");

    private static string Label(double x, double y, string label) => Text(x, y, label, "middle");

    private static string Text(double x, double y, string label, string anchor) =>
        Invariant($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" font-size=\"8\" text-anchor=\"{anchor}\" font-family=\"{Font}\">{WebUtility.HtmlEncode(label)}</text>");
}
