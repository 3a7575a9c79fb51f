using System.Globalization;
using CharterTracker.ActionPlans;
using CharterTracker.Meetings;
using CharterTracker.Monitoring;
using CharterTracker.Offices;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

/// <summary>
/// The monitoring committee's dashboard: an office's subtree in a quarter — headline figures, trends, the heat map,
/// offices at risk, missed and late items, the ranking, open follow-ups and meetings — with drill-down, a page of its
/// own for every table and CSV exports of every row.
/// </summary>
public static class DashboardPages
{
    /// <summary>Rows each table shows on the dashboard itself; its own page shows <see cref="ListPageSize"/> at a time.</summary>
    private const int Preview = 10;
    private const int ListPageSize = 50;

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/dashboard", async web =>
        {
            if (await ScopeAsync(web) is not { } scope) return await web.MessageAsync(web.Text.Dashboard, web.Text.NoOffice, StatusCodes.Status200OK, "dashboard");
            var (mediator, ct) = (web.Mediator, web.Aborted);
            var lowest = web.Http.Request.Query["order"] == "lowest";
            var (officeId, year, quarter) = (scope.Office.Id, scope.FiscalYear, scope.Quarter);
            var model = new DashboardModel(
                scope,
                await BreadcrumbAsync(web, scope),
                await YearsAsync(web, scope),
                web.Quarters("/dashboard", officeId, year, quarter),
                await mediator.Send(new GetRollupTrendQuery(officeId, year), ct),
                await mediator.Send(new GetHeatMapQuery(officeId, year, quarter) { PageSize = ListPageSize }, ct),
                await mediator.Send(new ListOfficesAtRiskQuery(officeId, year, quarter) { PageSize = Preview }, ct),
                await mediator.Send(new ListLapsesQuery(officeId, year, quarter) { PageSize = Preview }, ct),
                await mediator.Send(new RankOfficesQuery(officeId, year, quarter) { Lowest = lowest, PageSize = Preview }, ct),
                lowest,
                await mediator.Send(new ListSubtreeFollowUpsQuery(officeId) { PageSize = Preview }, ct),
                await mediator.Send(new ListSubtreeMeetingsQuery(officeId, year, quarter) { PageSize = Preview }, ct));
            var frame = web.Frame($"{web.Text.Dashboard}: {web.Name(scope.Office)}", "dashboard");
            return await web.RenderAsync<DashboardPage>(new() { ["Frame"] = frame, ["Model"] = model });
        });

        app.MapPage("/dashboard/{table}.csv", async web =>
        {
            var table = TableOf(web);
            if (await ScopeAsync(web) is not { } scope) return await web.MessageAsync(web.Text.Dashboard, web.Text.NoOffice, StatusCodes.Status404NotFound, "dashboard");
            var list = await ListAsync(web, scope, table, page: 1, pageSize: 0);
            var name = $"{DashboardScope.SlugOf(table)}-{scope.Office.Code}-{scope.FiscalYear}" + (table is DashboardTable.Trend or DashboardTable.FollowUps ? "" : $"-Q{scope.Quarter}") + ".csv";
            return CsvTable.File(DashboardCsv.Of(web.Text, list), name);
        });

        app.MapPage("/dashboard/{table}", async web =>
        {
            var table = TableOf(web);
            if (await ScopeAsync(web) is not { } scope) return await web.MessageAsync(web.Text.Dashboard, web.Text.NoOffice, StatusCodes.Status200OK, "dashboard");
            var page = string.IsNullOrEmpty(web.Http.Request.Query["page"]) ? 1
                : int.TryParse(web.Http.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : throw new BadPageRequestException();
            var list = await ListAsync(web, scope, table, page, ListPageSize);
            var frame = web.Frame($"{web.Text.TableTitle(table)}: {web.Name(scope.Office)}", "dashboard");
            return await web.RenderAsync<DashboardListPage>(new() { ["Frame"] = frame, ["Model"] = list });
        });
        return app;
    }

    private static DashboardTable TableOf(PageRequest web) =>
        DashboardScope.Slugs.TryGetValue(web.Http.Request.RouteValues["table"]?.ToString() ?? "", out var table) ? table : throw new NotFoundException("No such table.");

    /// <summary>The office (the user's own by default) and the period (today's quarter by default); null when the user has no office to show.</summary>
    private static async Task<DashboardScope?> ScopeAsync(PageRequest web)
    {
        var (officeId, year, quarter) = await web.PeriodAsync();
        if (officeId is null) return null;
        if (!web.Calendar.TryParseYear(year, out var fiscalYear)) throw new BadPageRequestException();
        var office = await web.Mediator.Send(new GetOfficeQuery(officeId.Value), web.Aborted);
        return new DashboardScope(office, fiscalYear.Name, quarter);
    }

    private static async Task<DashboardListModel> ListAsync(PageRequest web, DashboardScope scope, DashboardTable table, int page, int pageSize)
    {
        var (mediator, ct) = (web.Mediator, web.Aborted);
        var (officeId, year, quarter) = (scope.Office.Id, scope.FiscalYear, scope.Quarter);
        var lowest = web.Http.Request.Query["order"] == "lowest";
        var breadcrumb = await BreadcrumbAsync(web, scope);
        int Pages(int total) => pageSize == 0 || total == 0 ? 1 : (total + pageSize - 1) / pageSize;
        switch (table)
        {
            case DashboardTable.Trend:
                return new DashboardListModel(scope, table, breadcrumb, 1, 1) { Trend = await mediator.Send(new GetRollupTrendQuery(officeId, year), ct) };
            case DashboardTable.HeatMap:
                var heatMap = await mediator.Send(new GetHeatMapQuery(officeId, year, quarter) { Page = page, PageSize = pageSize }, ct);
                return new DashboardListModel(scope, table, breadcrumb, page, Pages(heatMap.Rows.Total)) { HeatMap = heatMap };
            case DashboardTable.Risk:
                var risk = await mediator.Send(new ListOfficesAtRiskQuery(officeId, year, quarter) { Page = page, PageSize = pageSize }, ct);
                return new DashboardListModel(scope, table, breadcrumb, page, Pages(risk.Offices.Total)) { Risk = risk };
            case DashboardTable.Lapses:
                var lapses = await mediator.Send(new ListLapsesQuery(officeId, year, quarter) { Page = page, PageSize = pageSize }, ct);
                return new DashboardListModel(scope, table, breadcrumb, page, Pages(lapses.Total)) { Lapses = lapses };
            case DashboardTable.Ranking:
                var ranking = await mediator.Send(new RankOfficesQuery(officeId, year, quarter) { Lowest = lowest, Page = page, PageSize = pageSize }, ct);
                return new DashboardListModel(scope, table, breadcrumb, page, Pages(ranking.Total)) { Ranking = ranking, Lowest = lowest };
            case DashboardTable.FollowUps:
                var followUps = await mediator.Send(new ListSubtreeFollowUpsQuery(officeId) { Page = page, PageSize = pageSize }, ct);
                return new DashboardListModel(scope, table, breadcrumb, page, Pages(followUps.Total)) { FollowUps = followUps };
            default:
                var meetings = await mediator.Send(new ListSubtreeMeetingsQuery(officeId, year, quarter) { Page = page, PageSize = pageSize }, ct);
                return new DashboardListModel(scope, table, breadcrumb, page, Pages(meetings.Total)) { Meetings = meetings };
        }
    }

    /// <summary>The fiscal years that have a plan, each a link to the same office and quarter.</summary>
    private static async Task<IReadOnlyList<PeriodLink>> YearsAsync(PageRequest web, DashboardScope scope) =>
        (await web.Mediator.Send(new ListActionPlansQuery(), web.Aborted))
        .Select(year => new PeriodLink(web.Text.Digits(year), PageRequest.Url("/dashboard", scope.Office.Id, year, scope.Quarter), year == scope.FiscalYear))
        .ToList();

    /// <summary>From the highest office the user may read down to this one: climb while the parent is readable.</summary>
    private static async Task<IReadOnlyList<Crumb>> BreadcrumbAsync(PageRequest web, DashboardScope scope)
    {
        var chain = new List<Office> { scope.Office };
        var current = scope.Office;
        while (current.ParentId is { } parent && current.Id != web.Me.OfficeId)
        {
            try
            {
                current = await web.Mediator.Send(new GetOfficeQuery(parent), web.Aborted);
            }
            catch (ForbiddenException)
            {
                break;
            }
            chain.Insert(0, current);
        }
        return chain.Select(o => new Crumb(web.Name(o), scope.DashboardOf(o.Id))).ToList();
    }
}
