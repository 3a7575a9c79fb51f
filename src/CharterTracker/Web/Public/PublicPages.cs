using CharterTracker.Documents;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Web;

/// <summary>
/// The only pages outside the sign-in: an office's public page (<c>/public/offices/{code}</c>: its current charter and
/// the minutes it marked for publication) and those minutes (<c>/public/minutes/{id}</c>). Both read through queries
/// that demand no sign-in and show nothing else; they set no cookie and answer an HTML 404 for anything unpublished.
/// </summary>
public static class PublicPages
{
    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/offices/{code}", (string code, HttpContext http, IMediator mediator, ILoggerFactory loggers) =>
                RenderAsync(http, loggers, async (html, language) =>
                    await html.RenderAsync<PublicOfficeView>(new Dictionary<string, object?> { ["Model"] = await mediator.Send(new GetPublicOfficePageQuery(code, language), http.RequestAborted) })))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/public/minutes/{id:long}", (long id, HttpContext http, IMediator mediator, DocumentHtml document, ILoggerFactory loggers) =>
                RenderAsync(http, loggers, async (_, language) =>
                    await document.RenderAsync<MeetingMinutes>(new Dictionary<string, object?> { ["Model"] = await mediator.Send(new GetPublicMinutesQuery(id, language), http.RequestAborted) })))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary><c>?lang=en</c> or Bengali; public readers have no stored language and get no cookie.</summary>
    private static async Task<IResult> RenderAsync(HttpContext http, ILoggerFactory loggers, Func<WebHtml, string, Task<string>> render)
    {
        var html = new WebHtml(http.RequestServices, loggers);
        var language = http.Request.Query["lang"] == "en" ? "en" : "bn";
        try
        {
            // Anyone may read these; a proxy may keep them for a few minutes (a newly published charter shows within one).
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Content(await render(html, language), Html);
        }
        catch (NotFoundException)
        {
            http.Response.Headers.CacheControl = "no-cache";
            var page = await html.RenderAsync<PublicNotFound>(new Dictionary<string, object?> { ["Text"] = new PublicText(language == "bn") });
            return Results.Content(page, Html, System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
        }
    }
}
