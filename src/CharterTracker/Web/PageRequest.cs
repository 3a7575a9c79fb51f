using System.Globalization;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace CharterTracker.Web;

/// <summary>
/// The context of one page request, handed to every page: the HTTP request, the signed-in user, the language's
/// words, the calendar, and what every page shares (the frame, the period in the query string, rendering,
/// antiforgery, friendly error pages). Pages read and write through <see cref="IMediator"/> exactly as the API does,
/// so access, validation, transactions and the audit are the API's own.
/// </summary>
public sealed class PageRequest(HttpContext http, IMediator mediator, WebHtml html, IAntiforgery antiforgery, FiscalCalendar calendar, User me, WebText text)
{
    private const string Html = "text/html; charset=utf-8";

    public HttpContext Http => http;
    public IMediator Mediator => mediator;
    public User Me => me;
    public WebText Text => text;
    public CancellationToken Aborted => http.RequestAborted;

    public FiscalCalendar Calendar => calendar;

    /// <summary>
    /// Runs a page: resolves the user and the language, and turns a 400/403/404 from the mediator into a friendly page.
    /// The one place that takes the page's services from the request's container: a page gets them as properties.
    /// </summary>
    public static async Task<IResult> RunAsync(HttpContext http, Func<PageRequest, Task<IResult>> page)
    {
        var services = http.RequestServices;
        var mediator = services.GetRequiredService<IMediator>();
        var me = await mediator.Send(new GetCurrentUserQuery(), http.RequestAborted);
        var html = new WebHtml(services, services.GetRequiredService<ILoggerFactory>());
        var web = new PageRequest(http, mediator, html, services.GetRequiredService<IAntiforgery>(), services.GetRequiredService<FiscalCalendar>(),
            me, new WebText(await LanguageAsync(http, mediator, me)));
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
        catch (Exception e) when (e is RequestValidationException or BadPageRequestException or AntiforgeryValidationException)
        {
            return await web.MessageAsync(web.Text.ErrorTitle(400), web.Text.ErrorText(400), StatusCodes.Status400BadRequest);
        }
        catch (InvalidDataException e) when (!e.IsOverLimit())
        {
            // A form cut short or with a broken boundary.
            return await web.MessageAsync(web.Text.ErrorTitle(400), web.Text.ErrorText(400), StatusCodes.Status400BadRequest);
        }
        catch (InvalidDataException)
        {
            // A form over the server's limits (a field over 4 MB, more than 1,024 fields): the friendly page, not a 500.
            return await web.MessageAsync(web.Text.ErrorTitle(413), web.Text.ErrorText(413), StatusCodes.Status413PayloadTooLarge);
        }
    }

    /// <summary>
    /// <c>?lang=bn|en</c> switches, is stored as the user's language (so it follows them to another browser and into
    /// their e-mails) and remembered in the <c>ct-lang</c> cookie; otherwise the cookie, then the stored language.
    /// </summary>
    private static async Task<string> LanguageAsync(HttpContext http, IMediator mediator, User me)
    {
        var asked = http.Request.Query["lang"].ToString();
        if (asked is "bn" or "en")
        {
            http.Response.Cookies.Append(WebText.Cookie, asked, new CookieOptions
            {
                Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true, Secure = http.Request.IsHttps,
            });
            if (me.Language != asked) await mediator.Send(new SetMyLanguageCommand { Language = asked }, http.RequestAborted);
            return asked;
        }
        return http.Request.Cookies[WebText.Cookie] is { } remembered and ("bn" or "en") ? remembered : me.Language == "en" ? "en" : "bn";
    }

    public PageFrame Frame(string title, string? active = null)
    {
        var query = http.Request.Query.Where(kv => kv.Key != "lang")
            .SelectMany(kv => kv.Value.Select(v => KeyValuePair.Create(kv.Key, v)))
            .Append(KeyValuePair.Create("lang", (string?)text.Other));
        return new PageFrame(text, title, me.DisplayName, http.Request.Path + QueryString.Create(query).ToUriComponent(), active, me.Role,
            Flash: http.Request.Query["saved"].ToString() is { Length: > 0 } saved ? text.Saved(saved) : null, SignOutToken: AntiforgeryToken());
    }

    /// <summary>The token a form posts back, so that another site cannot make a signed-in browser write.</summary>
    public string AntiforgeryToken() => antiforgery.GetAndStoreTokens(http).RequestToken ?? "";

    public async Task ValidateAntiforgeryAsync() => await antiforgery.ValidateRequestAsync(http);

    /// <summary>The office (default: the user's own; a user with none, the first top-level office) and the period (default: today's quarter).</summary>
    public async Task<(long? OfficeId, string Year, int Quarter)> PeriodAsync()
    {
        var query = http.Request.Query;
        long? officeId = me.OfficeId;
        if (!string.IsNullOrEmpty(query["officeId"])) officeId = QueryId("officeId");
        // A user without an office (the administrator): the first top-level office, looked for among the ministries first.
        officeId ??= await TopOfficeAsync(new ListOfficesQuery { Kind = OfficeKind.Ministry, PageSize = 500 }) ?? await TopOfficeAsync(new ListOfficesQuery { PageSize = 500 });

        var current = calendar.CurrentQuarter;
        var year = string.IsNullOrEmpty(query["fiscalYear"]) ? await DefaultYearAsync(current.Year) : query["fiscalYear"].ToString();
        // Today's quarter in today's year; in a year that has ended, its last quarter; in one still to come, its first.
        var quarter = year == current.Year.Name ? current.Number : string.CompareOrdinal(year, current.Year.Name) < 0 ? 4 : 1;
        if (!string.IsNullOrEmpty(query["quarter"]))
        {
            quarter = int.TryParse(query["quarter"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4 ? q : throw new BadPageRequestException();
        }
        return (officeId, year, quarter);
    }

    /// <summary>
    /// Today's fiscal year when it has an action plan; otherwise the latest planned year before it (a deployment whose
    /// next plan is not in yet still opens on figures), or the first one when all lie ahead.
    /// </summary>
    private async Task<string> DefaultYearAsync(FiscalYear today)
    {
        var planned = await mediator.Send(new ActionPlans.ListActionPlansQuery(), http.RequestAborted);
        if (planned.Count == 0 || planned.Contains(today.Name)) return today.Name;
        return planned.Where(y => string.CompareOrdinal(y, today.Name) < 0).OrderBy(y => y, StringComparer.Ordinal).LastOrDefault() ?? planned[0];
    }

    /// <summary>A whole-number id from the query string; anything else is a bad request, not a 500.</summary>
    public long QueryId(string name) =>
        long.TryParse(http.Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new BadPageRequestException();

    private async Task<long?> TopOfficeAsync(ListOfficesQuery query) =>
        (await mediator.Send(query, http.RequestAborted)).Items
            .Where(o => o.ParentId is null && o.Active).OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefault();

    public async Task<IResult> RenderAsync<TPage>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        Results.Content(await html.RenderAsync<TPage>(parameters), Html, Encoding.UTF8, status);

    public Task<IResult> MessageAsync(string title, string message, int status, string? active = null) =>
        RenderAsync<MessagePage>(new() { ["Frame"] = Frame(title, active), ["Message"] = message }, status);

    public string Name(Office office) => text.Bengali ? office.NameBn : office.NameEn;

    public static string Url(string page, long officeId, string year, int quarter) =>
        $"{page}?officeId={officeId.ToString(CultureInfo.InvariantCulture)}&fiscalYear={Uri.EscapeDataString(year)}&quarter={quarter.ToString(CultureInfo.InvariantCulture)}";

    public IReadOnlyList<PeriodLink> Quarters(string page, long officeId, string year, int current) =>
        Enumerable.Range(1, 4).Select(q => new PeriodLink(text.QuarterName(q), Url(page, officeId, year, q), q == current)).ToList();
}

/// <summary>How every page is mapped: a GET or a form POST, run through <see cref="PageRequest.RunAsync"/>, out of the API's description.</summary>
public static class PageRouting
{
    public static RouteHandlerBuilder MapPage(this IEndpointRouteBuilder app, string pattern, Func<PageRequest, Task<IResult>> page) =>
        app.MapGet(pattern, (Delegate)((HttpContext http) => PageRequest.RunAsync(http, page))).ExcludeFromDescription();

    /// <summary>A form post: the handler reads the form itself (<see cref="WebForm.ReadAsync"/> checks the antiforgery token).</summary>
    public static RouteHandlerBuilder MapPagePost(this IEndpointRouteBuilder app, string pattern, Func<PageRequest, Task<IResult>> page) =>
        app.MapPost(pattern, (Delegate)((HttpContext http) => PageRequest.RunAsync(http, page))).ExcludeFromDescription().DisableAntiforgery();
}

/// <summary>A page's query string or form is malformed (not a user's validation mistake, which the form shows).</summary>
public sealed class BadPageRequestException() : Exception("The page's parameters are not valid.");
