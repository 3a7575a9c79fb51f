using System.Globalization;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Scoring;
using MediatR;
using Microsoft.AspNetCore.Components;

namespace CharterTracker.Web;

/// <summary>
/// The server-rendered web pages: Razor components rendered to HTML with <see cref="WebHtml"/> (no Blazor
/// script), data through <see cref="IMediator"/> as the API reads it, so access and validation are the API's own.
/// </summary>
public static class WebEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (CurrentUser user) => Results.Redirect(user.Role == Role.FocalPoint ? "/workspace" : "/dashboard"))
            .ExcludeFromDescription();

        app.MapGet("/workspace", (HttpContext http, IMediator mediator, FiscalCalendar calendar, CancellationToken ct) =>
            PageAsync(http, mediator, async (web) =>
            {
                var (officeId, year, quarter) = await web.PeriodAsync(calendar);
                if (officeId is null) return await web.MessageAsync(web.Text.Workspace, web.Text.NoOffice, StatusCodes.Status200OK, "workspace");
                var office = await mediator.Send(new GetOfficeQuery(officeId.Value), ct);
                var checklist = await mediator.Send(new GetChecklistQuery(office.Id, year, quarter), ct);
                var model = new WorkspaceModel(office, checklist, Quarters(web.Text, "/workspace", office.Id, checklist.FiscalYear, checklist.Quarter),
                    Url("/dashboard", office.Id, checklist.FiscalYear, checklist.Quarter));
                var frame = web.Frame($"{web.Text.Workspace}: {Name(web.Text, office)}", "workspace");
                return await web.RenderAsync<WorkspacePage>(new() { ["Frame"] = frame, ["Model"] = model });
            })).ExcludeFromDescription();

        app.MapGet("/dashboard", (HttpContext http, IMediator mediator, FiscalCalendar calendar, CancellationToken ct) =>
            PageAsync(http, mediator, async (web) =>
            {
                var (officeId, year, quarter) = await web.PeriodAsync(calendar);
                if (officeId is null) return await web.MessageAsync(web.Text.Dashboard, web.Text.NoOffice, StatusCodes.Status200OK, "dashboard");
                var model = await DashboardAsync(mediator, calendar, web, officeId.Value, year, quarter, ct);
                var frame = web.Frame($"{web.Text.Dashboard}: {Name(web.Text, model.Office)}", "dashboard");
                return await web.RenderAsync<DashboardPage>(new() { ["Frame"] = frame, ["Model"] = model });
            })).ExcludeFromDescription();

        app.MapGet("/dashboard.csv", (HttpContext http, IMediator mediator, FiscalCalendar calendar, CancellationToken ct) =>
            PageAsync(http, mediator, async (web) =>
            {
                var (officeId, year, quarter) = await web.PeriodAsync(calendar);
                if (officeId is null) return await web.MessageAsync(web.Text.Dashboard, web.Text.NoOffice, StatusCodes.Status404NotFound, "dashboard");
                var model = await DashboardAsync(mediator, calendar, web, officeId.Value, year, quarter, ct);
                var csv = HeatMapCsv(web.Text, model);
                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
                return Results.File(bytes, "text/csv; charset=utf-8", $"heatmap-{model.Office.Code}-{model.FiscalYear}-Q{model.Quarter}.csv");
            })).ExcludeFromDescription();
        return app;
    }

    /// <summary>Resolves the user and the language, runs the page, and turns a 400/403/404 from the mediator into a friendly page.</summary>
    private static async Task<IResult> PageAsync(HttpContext http, IMediator mediator, Func<WebRequest, Task<IResult>> page)
    {
        var me = await mediator.Send(new GetCurrentUserQuery(), http.RequestAborted);
        var html = new WebHtml(http.RequestServices, http.RequestServices.GetRequiredService<ILoggerFactory>());
        var web = new WebRequest(http, mediator, html, me, new WebText(Language(http, me)));
        try
        {
            return await page(web);
        }
        catch (ForbiddenException)
        {
            return await web.MessageAsync(web.Text.ErrorTitle(403), web.Text.ErrorText(403), StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return await web.MessageAsync(web.Text.ErrorTitle(404), web.Text.ErrorText(404), StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (e is RequestValidationException or BadRequestException)
        {
            return await web.MessageAsync(web.Text.ErrorTitle(400), web.Text.ErrorText(400), StatusCodes.Status400BadRequest);
        }
    }

    /// <summary><c>?lang=bn|en</c> switches and is remembered in the <c>ct-lang</c> cookie; otherwise the cookie, then the user's stored language.</summary>
    private static string Language(HttpContext http, User me)
    {
        var asked = http.Request.Query["lang"].ToString();
        if (asked is "bn" or "en")
        {
            http.Response.Cookies.Append(WebText.Cookie, asked, new CookieOptions
            {
                Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true,
            });
            return asked;
        }
        return http.Request.Cookies[WebText.Cookie] is { } remembered and ("bn" or "en") ? remembered : me.Language == "en" ? "en" : "bn";
    }

    private static async Task<DashboardModel> DashboardAsync(IMediator mediator, FiscalCalendar calendar, WebRequest web, long officeId, string year, int quarter, CancellationToken ct)
    {
        var office = await mediator.Send(new GetOfficeQuery(officeId), ct);
        var rollup = await mediator.Send(new GetRollupQuery(office.Id, year, quarter), ct);
        calendar.TryParseYear(rollup.FiscalYear, out var fiscalYear);
        var children = (await mediator.Send(new ListOfficeChildrenQuery(office.Id, fiscalYear.Quarter(quarter).Start), ct))
            .Where(child => child.Kind != OfficeKind.Branch).ToList();
        var cards = new List<(Office Office, Scorecard Card)>();
        foreach (var child in children) cards.Add((child, await mediator.Send(new GetScorecardQuery(child.Id, rollup.FiscalYear, quarter), ct)));

        var columns = cards.SelectMany(c => c.Card.Indicators)
            .Where(i => i.Frequency == ActionPlans.IndicatorFrequency.Quarterly && !i.OfficeSpecific)
            .DistinctBy(i => i.Code).Select(i => new HeatColumn(i.Code, i.TextBn, i.TextEn)).ToList();
        var rows = cards.Select(c => new HeatRow(c.Office, Url("/dashboard", c.Office.Id, rollup.FiscalYear, quarter), c.Card.Score,
            columns.Select(column => c.Card.Indicators.FirstOrDefault(i => i.Code == column.Code) is { Applicable: true } indicator
                ? new HeatCell(column.Code, indicator.Status)
                : new HeatCell(column.Code, ItemStatus.NotApplicable)).ToList())).ToList();

        return new DashboardModel(office, rollup.FiscalYear, quarter, await BreadcrumbAsync(mediator, web, office, rollup.FiscalYear, quarter, ct), rollup,
            columns, rows, Quarters(web.Text, "/dashboard", office.Id, rollup.FiscalYear, quarter),
            Url("/dashboard.csv", office.Id, rollup.FiscalYear, quarter));
    }

    /// <summary>From the highest office the user may read down to this one: climb while the parent is readable.</summary>
    private static async Task<IReadOnlyList<Crumb>> BreadcrumbAsync(IMediator mediator, WebRequest web, Office office, string year, int quarter, CancellationToken ct)
    {
        var chain = new List<Office> { office };
        var current = office;
        while (current.ParentId is { } parent && current.Id != web.Me.OfficeId)
        {
            try
            {
                current = await mediator.Send(new GetOfficeQuery(parent), ct);
            }
            catch (ForbiddenException)
            {
                break;
            }
            chain.Insert(0, current);
        }
        return chain.Select(o => new Crumb(Name(web.Text, o), Url("/dashboard", o.Id, year, quarter))).ToList();
    }

    private static string HeatMapCsv(WebText text, DashboardModel model)
    {
        var csv = new StringBuilder();
        void Line(IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        Line(new[] { text.Bengali ? "কোড" : "Code", text.Office, text.QuarterScore }.Concat(model.Columns.Select(c => c.Code)));
        foreach (var row in model.Rows)
        {
            Line(new[] { row.Office.Code, Name(text, row.Office), row.Score.ToString("0.00", CultureInfo.InvariantCulture) }
                .Concat(row.Cells.Select(c => text.StatusText(c.Status))));
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that a spreadsheet does not run it as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Name(WebText text, Office office) => text.Bengali ? office.NameBn : office.NameEn;

    internal static string Url(string page, long officeId, string year, int quarter) =>
        $"{page}?officeId={officeId.ToString(CultureInfo.InvariantCulture)}&fiscalYear={Uri.EscapeDataString(year)}&quarter={quarter.ToString(CultureInfo.InvariantCulture)}";

    private static IReadOnlyList<PeriodLink> Quarters(WebText text, string page, long officeId, string year, int current) =>
        Enumerable.Range(1, 4).Select(q => new PeriodLink(text.QuarterName(q), Url(page, officeId, year, q), q == current)).ToList();

    /// <summary>One page request: the user, the language, and the helpers every page shares.</summary>
    private sealed class WebRequest(HttpContext http, IMediator mediator, WebHtml html, User me, WebText text)
    {
        public User Me => me;
        public WebText Text => text;

        public PageFrame Frame(string title, string? active = null)
        {
            var query = http.Request.Query.Where(kv => kv.Key != "lang")
                .SelectMany(kv => kv.Value.Select(v => KeyValuePair.Create(kv.Key, v)))
                .Append(KeyValuePair.Create("lang", (string?)text.Other));
            return new PageFrame(text, title, me.DisplayName, http.Request.Path + QueryString.Create(query).ToUriComponent(), active);
        }

        /// <summary>The office (default: the user's own; a user with none, the first top-level office) and the period (default: today's quarter).</summary>
        public async Task<(long? OfficeId, string Year, int Quarter)> PeriodAsync(FiscalCalendar calendar)
        {
            var query = http.Request.Query;
            long? officeId = me.OfficeId;
            if (!string.IsNullOrEmpty(query["officeId"]))
            {
                officeId = long.TryParse(query["officeId"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new BadRequestException();
            }
            // A user without an office (the administrator): the first top-level office, looked for among the ministries first.
            officeId ??= await TopOfficeAsync(new ListOfficesQuery { Kind = OfficeKind.Ministry, PageSize = 500 }) ?? await TopOfficeAsync(new ListOfficesQuery { PageSize = 500 });

            var current = calendar.CurrentQuarter;
            var year = string.IsNullOrEmpty(query["fiscalYear"]) ? current.Year.Name : query["fiscalYear"].ToString();
            var quarter = current.Number;
            if (!string.IsNullOrEmpty(query["quarter"]))
            {
                quarter = int.TryParse(query["quarter"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4 ? q : throw new BadRequestException();
            }
            return (officeId, year, quarter);
        }

        private async Task<long?> TopOfficeAsync(ListOfficesQuery query) =>
            (await mediator.Send(query, http.RequestAborted)).Items
                .Where(o => o.ParentId is null && o.Active).OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefault();

        public async Task<IResult> RenderAsync<TPage>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK) where TPage : IComponent =>
            Results.Content(await html.RenderAsync<TPage>(parameters), Html, Encoding.UTF8, status);

        public Task<IResult> MessageAsync(string title, string message, int status, string? active = null) =>
            RenderAsync<MessagePage>(new() { ["Frame"] = Frame(title, active), ["Message"] = message }, status);
    }

    private sealed class BadRequestException() : Exception("The page's parameters are not valid.");
}
