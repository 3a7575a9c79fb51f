using System.Text;

namespace CharterTracker.Pipeline;

/// <summary>RFC 4180 CSV, written the same way by every table's export (the dashboard's, the audit log's).</summary>
public sealed class CsvTable
{
    private readonly StringBuilder _csv = new();

    public CsvTable Line(params IEnumerable<string?> cells)
    {
        _csv.Append(string.Join(',', cells.Select(c => Quote(c ?? "")))).Append("\r\n");
        return this;
    }

    public override string ToString() => _csv.ToString();

    /// <summary>A CSV download: UTF-8 with a byte-order mark, so that Excel shows Bengali names as Bengali.</summary>
    public static IResult File(string csv, string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", fileName);

    /// <summary>
    /// A leading =, +, - or @ (or a tab or carriage return, which some spreadsheets skip before reading a formula) is
    /// prefixed with ' so that a spreadsheet does not run the cell as a formula.
    /// </summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
