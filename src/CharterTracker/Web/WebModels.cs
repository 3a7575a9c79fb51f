using CharterTracker.Offices;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

/// <summary>What every page's frame shows: title, user, the link to the same page in the other language.</summary>
public sealed record PageFrame(WebText Text, string Title, string UserName, string SwitchLanguageUrl, string? Active = null);

public sealed record PeriodLink(string Label, string Url, bool Current);

public sealed record WorkspaceModel(Office Office, Checklist Checklist, IReadOnlyList<PeriodLink> Quarters, string DashboardUrl);

public sealed record Crumb(string Name, string Url);

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
