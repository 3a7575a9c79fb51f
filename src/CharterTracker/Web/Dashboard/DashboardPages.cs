using System.Globalization;
using CharterTracker.Calendar;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;

namespace CharterTracker.Web;

/// <summary>The monitoring committee's dashboard: an office's subtree in a quarter, with drill-down and CSV exports.</summary>
public static class DashboardPages
{
    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/dashboard", async web =>
        {
            var (officeId, year, quarter) = await web.PeriodAsync();
            if (officeId is null) return await web.MessageAsync(web.Text.Dashboard, web.Text.NoOffice, StatusCodes.Status200OK, "dashboard");
            var model = await DashboardAsync(web, officeId.Value, year, quarter);
            var frame = web.Frame($"{web.Text.Dashboard}: {web.Name(model.Office)}", "dashboard");
            return await web.RenderAsync<DashboardPage>(new() { ["Frame"] = frame, ["Model"] = model });
        });

        app.MapPage("/dashboard.csv", async web =>
        {
            var (officeId, year, quarter) = await web.PeriodAsync();
            if (officeId is null) return await web.MessageAsync(web.Text.Dashboard, web.Text.NoOffice, StatusCodes.Status404NotFound, "dashboard");
            var model = await DashboardAsync(web, officeId.Value, year, quarter);
            return WebPage.CsvFile(HeatMapCsv(web, model), $"heatmap-{model.Office.Code}-{model.FiscalYear}-Q{model.Quarter}.csv");
        });
        return app;
    }

    private static async Task<DashboardModel> DashboardAsync(WebPage web, long officeId, string year, int quarter)
    {
        var (mediator, ct) = (web.Mediator, web.Aborted);
        var office = await mediator.Send(new GetOfficeQuery(officeId), ct);
        var rollup = await mediator.Send(new GetRollupQuery(office.Id, year, quarter), ct);
        web.Calendar.TryParseYear(rollup.FiscalYear, out var fiscalYear);
        var children = (await mediator.Send(new ListOfficeChildrenQuery(office.Id, fiscalYear.Quarter(quarter).Start), ct))
            .Where(child => child.Kind != OfficeKind.Branch).ToList();
        var cards = new List<(Office Office, Scorecard Card)>();
        foreach (var child in children) cards.Add((child, await mediator.Send(new GetScorecardQuery(child.Id, rollup.FiscalYear, quarter), ct)));

        var columns = cards.SelectMany(c => c.Card.Indicators)
            .Where(i => i.Frequency == ActionPlans.IndicatorFrequency.Quarterly && !i.OfficeSpecific)
            .DistinctBy(i => i.Code).Select(i => new HeatColumn(i.Code, i.TextBn, i.TextEn)).ToList();
        var rows = cards.Select(c => new HeatRow(c.Office, WebPage.Url("/dashboard", c.Office.Id, rollup.FiscalYear, quarter), c.Card.Score,
            columns.Select(column => c.Card.Indicators.FirstOrDefault(i => i.Code == column.Code) is { Applicable: true } indicator
                ? new HeatCell(column.Code, indicator.Status)
                : new HeatCell(column.Code, ItemStatus.NotApplicable)).ToList())).ToList();

        return new DashboardModel(office, rollup.FiscalYear, quarter, await BreadcrumbAsync(web, office, rollup.FiscalYear, quarter), rollup,
            columns, rows, web.Quarters("/dashboard", office.Id, rollup.FiscalYear, quarter),
            WebPage.Url("/dashboard.csv", office.Id, rollup.FiscalYear, quarter));
    }

    /// <summary>From the highest office the user may read down to this one: climb while the parent is readable.</summary>
    private static async Task<IReadOnlyList<Crumb>> BreadcrumbAsync(WebPage web, Office office, string year, int quarter)
    {
        var chain = new List<Office> { office };
        var current = office;
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
        return chain.Select(o => new Crumb(web.Name(o), WebPage.Url("/dashboard", o.Id, year, quarter))).ToList();
    }

    private static string HeatMapCsv(WebPage web, DashboardModel model)
    {
        var text = web.Text;
        var csv = new CsvTable().Line(new[] { text.Code, text.Office, text.QuarterScore }.Concat(model.Columns.Select(c => c.Code)));
        foreach (var row in model.Rows)
        {
            csv.Line(new[] { row.Office.Code, web.Name(row.Office), row.Score.ToString("0.00", CultureInfo.InvariantCulture) }
                .Concat(row.Cells.Select(c => text.StatusText(c.Status))));
        }
        return csv.ToString();
    }
}
