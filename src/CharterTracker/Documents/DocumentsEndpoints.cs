using MediatR;

namespace CharterTracker.Documents;

public static class DocumentsEndpoints
{
    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/v1/meetings/{id:long}").WithTags("Documents");
        meetings.MapGet("/minutes.html", async (long id, string? lang, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                Results.Content(await html.RenderAsync<MeetingMinutes>(new Dictionary<string, object?> { ["Model"] = await mediator.Send(new GetMinutesDocumentQuery(id, lang), ct) }),
                    "text/html; charset=utf-8"))
            .WithSummary("Preview of the minutes as HTML (lang=bn|en).");
        meetings.MapGet("/minutes.pdf", async (long id, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
            {
                var minutes = await mediator.Send(new GetMinutesDocumentQuery(id, lang), ct);
                var page = await html.RenderAsync<MeetingMinutes>(new Dictionary<string, object?> { ["Model"] = minutes });
                var published = await publisher.PublishAsync("Minutes", id, minutes.Meeting.OfficeId, $"{minutes.Meeting.FiscalYear} Q{minutes.Meeting.Quarter}",
                    minutes.Text.Language, minutes.SourceVersion, page, ct);
                return Results.File(published.Content, "application/pdf", $"minutes-{id}-{minutes.Text.Language}.pdf");
            })
            .WithSummary("The minutes as a PDF, in Bengali (default) or English.");
        return app;
    }
}
