using System.Globalization;
using CharterTracker.Meetings;
using CharterTracker.Monitoring;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

/// <summary>The tables of the dashboard; each also has a page of its own (every row, a page at a time) and a CSV export.</summary>
public enum DashboardTable
{
    HeatMap,
    Trend,
    Risk,
    Lapses,
    Ranking,
    FollowUps,
    Meetings,
}

/// <summary>The office and period a dashboard is about, and the links that keep them.</summary>
public sealed record DashboardScope(Office Office, string FiscalYear, int Quarter)
{
    public static readonly IReadOnlyDictionary<string, DashboardTable> Slugs = new Dictionary<string, DashboardTable>(StringComparer.Ordinal)
    {
        ["heat-map"] = DashboardTable.HeatMap,
        ["trend"] = DashboardTable.Trend,
        ["risk"] = DashboardTable.Risk,
        ["lapses"] = DashboardTable.Lapses,
        ["ranking"] = DashboardTable.Ranking,
        ["follow-ups"] = DashboardTable.FollowUps,
        ["meetings"] = DashboardTable.Meetings,
    };

    public static string SlugOf(DashboardTable table) => Slugs.Single(s => s.Value == table).Key;

    public string Dashboard => PageRequest.Url("/dashboard", Office.Id, FiscalYear, Quarter);

    /// <summary>The dashboard of another office (a drill-down) in the same period.</summary>
    public string DashboardOf(long officeId) => PageRequest.Url("/dashboard", officeId, FiscalYear, Quarter);

    public string List(DashboardTable table, int page = 1, string? extra = null) =>
        PageRequest.Url($"/dashboard/{SlugOf(table)}", Office.Id, FiscalYear, Quarter)
        + (page > 1 ? "&page=" + page.ToString(CultureInfo.InvariantCulture) : "") + (extra is null ? "" : "&" + extra);

    public string Csv(DashboardTable table, string? extra = null) =>
        PageRequest.Url($"/dashboard/{SlugOf(table)}.csv", Office.Id, FiscalYear, Quarter) + (extra is null ? "" : "&" + extra);

    /// <summary>A report's route without its query (a form adds the options).</summary>
    public string DocumentRoute(string kind) => $"/api/v1/offices/{Office.Id.ToString(CultureInfo.InvariantCulture)}/{kind}.pdf";

    public string Document(string kind, string language) =>
        $"/api/v1/offices/{Office.Id.ToString(CultureInfo.InvariantCulture)}/{kind}.pdf?fiscalYear={Uri.EscapeDataString(FiscalYear)}"
        + (kind == "quarterly-report" ? "&quarter=" + Quarter.ToString(CultureInfo.InvariantCulture) : "") + "&lang=" + language;
}

public sealed record DashboardModel(
    DashboardScope Scope,
    IReadOnlyList<Crumb> Breadcrumb,
    IReadOnlyList<PeriodLink> Years,
    IReadOnlyList<PeriodLink> Quarters,
    IReadOnlyList<Rollup> Trend,
    HeatMap HeatMap,
    RiskList Risk,
    PageOf<Lapse> Lapses,
    PageOf<RankedOffice> Ranking,
    bool Lowest,
    PageOf<OpenFollowUp> FollowUps,
    PageOf<SubtreeMeeting> Meetings)
{
    /// <summary>The period's figures: the quarter's row of the trend.</summary>
    public Rollup Headline => Trend.Single(r => r.Quarter == Scope.Quarter);

    public static decimal? Completeness(Rollup r) => r.Expected == 0 ? null : 100m * (r.Done + r.Late) / r.Expected;

    public static decimal? OnTimeRate(Rollup r) => r.Done + r.Late == 0 ? null : 100m * r.Done / (r.Done + r.Late);
}

/// <summary>One table of the dashboard on a page of its own, every row a page at a time: the table's own part is set.</summary>
public sealed record DashboardListModel(DashboardScope Scope, DashboardTable Table, IReadOnlyList<Crumb> Breadcrumb, int Page, int Pages)
{
    public IReadOnlyList<Rollup>? Trend { get; init; }
    public HeatMap? HeatMap { get; init; }
    public RiskList? Risk { get; init; }
    public PageOf<Lapse>? Lapses { get; init; }
    public PageOf<RankedOffice>? Ranking { get; init; }
    public bool Lowest { get; init; }
    public PageOf<OpenFollowUp>? FollowUps { get; init; }
    public PageOf<SubtreeMeeting>? Meetings { get; init; }
}
