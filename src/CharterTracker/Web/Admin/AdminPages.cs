using System.Globalization;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Scheduling;

namespace CharterTracker.Web;

/// <summary>
/// The system administrator's pages: offices, users and roles, action plans, job runs. Every page and every post
/// starts with <see cref="Require"/>: another role gets the friendly 403 page, whatever the commands behind would say.
/// </summary>
public static class AdminPages
{
    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/admin", async web =>
        {
            Require(web);
            var (mediator, ct) = (web.Mediator, web.Aborted);
            var offices = await mediator.Send(new ListOfficesQuery { PageSize = 1 }, ct);
            var users = await mediator.Send(new ListUsersQuery(), ct);
            var plans = await mediator.Send(new ListActionPlansQuery(), ct);
            var jobs = await mediator.Send(new ListJobsQuery(), ct);
            var year = web.Calendar.YearOf(web.Calendar.Today).Name;
            var model = new AdminIndexModel(offices.Total, users.Count, users.Count(u => u.Active), year, plans.Contains(year), jobs);
            return await web.RenderAsync<AdminIndexPage>(new() { ["Frame"] = web.Frame(web.Text.Admin, "admin"), ["Model"] = model });
        });
        app.MapOfficeAdminPages();
        app.MapUserAdminPages();
        app.MapPlanAdminPages();
        app.MapJobAdminPages();
        return app;
    }

    /// <summary>Administration is for system administrators only.</summary>
    public static void Require(PageRequest web)
    {
        if (web.Me.Role != Role.SystemAdmin) throw new ForbiddenException("Administration is for system administrators.");
    }

    /// <summary>A whole-number id from the route; anything else is a bad request.</summary>
    public static long RouteId(PageRequest web, string name) =>
        long.TryParse(web.Http.Request.RouteValues[name]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new BadPageRequestException();

    public static string RouteText(PageRequest web, string name) => web.Http.Request.RouteValues[name]?.ToString() ?? throw new BadPageRequestException();

    /// <summary>The <c>page</c> of a paged list (default 1).</summary>
    public static int PageNumber(PageRequest web) =>
        string.IsNullOrEmpty(web.Http.Request.Query["page"]) ? 1
        : int.TryParse(web.Http.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : throw new BadPageRequestException();

    public static string Query(PageRequest web, string name) => web.Http.Request.Query[name].ToString().Trim();

    /// <summary>
    /// People type an office's code, commands take its id: the office with the code in <paramref name="field"/>, or an
    /// error beside that field. Empty stays null for the command's own rule (required or not).
    /// </summary>
    public static async Task<long?> OfficeIdByCodeAsync(PageRequest web, WebForm form, string field)
    {
        if (form.Text(field) is not { } code) return null;
        try
        {
            return (await web.Mediator.Send(new GetOfficeByCodeQuery(code), web.Aborted)).Id;
        }
        catch (NotFoundException)
        {
            form.AddError(field, web.Text.NoOfficeWithCode(code));
            return null;
        }
    }

    /// <summary>The office's code for a form's default value.</summary>
    public static async Task<string?> OfficeCodeAsync(PageRequest web, long? officeId) =>
        officeId is { } id ? (await web.Mediator.Send(new GetOfficeQuery(id), web.Aborted)).Code : null;

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Previous and next links of a paged list.</summary>
public sealed record Pager(int Page, int PageSize, long Total, Func<int, string> Url)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string? Previous => Page > 1 ? Url(Page - 1) : null;
    public string? Next => Page < Pages ? Url(Page + 1) : null;
}
