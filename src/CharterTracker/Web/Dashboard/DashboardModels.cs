using CharterTracker.Offices;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

public sealed record HeatColumn(string Code, string TextBn, string TextEn);

public sealed record HeatCell(string Code, ItemStatus Status);

public sealed record HeatRow(Office Office, string Url, decimal Score, IReadOnlyList<HeatCell> Cells);

public sealed record DashboardModel(
    Office Office,
    string FiscalYear,
    int Quarter,
    IReadOnlyList<Crumb> Breadcrumb,
    Rollup Rollup,
    IReadOnlyList<HeatColumn> Columns,
    IReadOnlyList<HeatRow> Rows,
    IReadOnlyList<PeriodLink> Quarters,
    string CsvUrl)
{
    public decimal? Completeness => Rollup.Expected == 0 ? null : 100m * (Rollup.Done + Rollup.Late) / Rollup.Expected;
    public decimal? OnTimeRate => Rollup.Done + Rollup.Late == 0 ? null : 100m * Rollup.Done / (Rollup.Done + Rollup.Late);
}
