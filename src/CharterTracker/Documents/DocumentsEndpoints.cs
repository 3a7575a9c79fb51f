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
        var offices = app.MapGroup("/api/v1/offices/{id:long}").WithTags("Documents");
        offices.MapGet("/annual-report.pdf", (long id, string? fiscalYear, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
                ReportPdfAsync(id, fiscalYear, null, lang, mediator, html, publisher, ct))
            .WithSummary("The annual report of the office's subtree (lang=bn|en).");
        offices.MapGet("/annual-report.html", (long id, string? fiscalYear, string? lang, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                ReportHtmlAsync(id, fiscalYear, null, lang, mediator, html, ct))
            .WithSummary("Preview of the annual report as HTML.");
        offices.MapGet("/quarterly-report.pdf", (long id, string? fiscalYear, int? quarter, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
                ReportPdfAsync(id, fiscalYear, quarter ?? 0, lang, mediator, html, publisher, ct))
            .WithSummary("The quarterly implementation report of the office (lang=bn|en).");
        offices.MapGet("/quarterly-report.html", (long id, string? fiscalYear, int? quarter, string? lang, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                ReportHtmlAsync(id, fiscalYear, quarter ?? 0, lang, mediator, html, ct))
            .WithSummary("Preview of the quarterly report as HTML.");
        return app;
    }

    private static async Task<IResult> ReportHtmlAsync(long id, string? fiscalYear, int? quarter, string? lang, IMediator mediator, DocumentHtml html, CancellationToken ct)
    {
        var report = await mediator.Send(new GetPerformanceReportQuery(id, fiscalYear, quarter, lang), ct);
        return Results.Content(await html.RenderAsync<PerformanceReportPage>(new Dictionary<string, object?> { ["Model"] = report }), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ReportPdfAsync(long id, string? fiscalYear, int? quarter, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct)
    {
        var report = await mediator.Send(new GetPerformanceReportQuery(id, fiscalYear, quarter, lang), ct);
        var page = await html.RenderAsync<PerformanceReportPage>(new Dictionary<string, object?> { ["Model"] = report });
        var kind = quarter is null ? "AnnualReport" : "QuarterlyReport";
        var period = report.Year.Name + (quarter is { } q ? $" Q{q}" : "");
        var published = await publisher.PublishAsync(kind, id, id, period, report.Text.Language, report.SourceVersion, page, ct);
        return Results.File(published.Content, "application/pdf", $"{kind}-{id}-{period.Replace(' ', '-')}-{report.Text.Language}.pdf");
    }
}
