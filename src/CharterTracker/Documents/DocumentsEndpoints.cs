using CharterTracker.Pipeline;
using MediatR;
using Microsoft.AspNetCore.Mvc;

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
        offices.MapGet("/annual-report.pdf", (long id, [AsParameters] ReportOptions options, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
                ReportPdfAsync(options.Query(id, quarterly: false), mediator, html, publisher, ct))
            .WithSummary("The annual report of the office's subtree (lang=bn|en), with the issuing block when given.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/annual-report.html", async (long id, [AsParameters] ReportOptions options, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                await ReportHtmlAsync(options.Query(id, quarterly: false), mediator, html, ct))
            .WithSummary("Preview of the annual report as HTML.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear);
        offices.MapGet("/quarterly-report.pdf", (long id, [AsParameters] ReportOptions options, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
                ReportPdfAsync(options.Query(id, quarterly: true), mediator, html, publisher, ct))
            .WithSummary("The quarterly implementation report of the office (lang=bn|en), with the issuing block when given.")
            .QueryDefault("fiscalYear", OpenApiParameters.RunningYear).RequiredQuery("quarter");
        offices.MapGet("/quarterly-report.html", (long id, [AsParameters] ReportOptions options, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                ReportHtmlAsync(options.Query(id, quarterly: true), mediator, html, ct))
            .WithSummary("Preview of the quarterly report as HTML.").QueryDefault("fiscalYear", OpenApiParameters.RunningYear).RequiredQuery("quarter");
        return app;
    }

    /// <summary>
    /// A report's query string: the period, the language, and the issuing block a government report carries (issuing
    /// office, memo number and date, signatory) — each printed only when given; the issuing office defaults to the
    /// report's office.
    /// </summary>
    public sealed record ReportOptions(
        [FromQuery(Name = "fiscalYear")] string? FiscalYear, [FromQuery(Name = "quarter")] int? Quarter, [FromQuery(Name = "lang")] string? Lang,
        [FromQuery(Name = "issuingOffice")] string? IssuingOffice, [FromQuery(Name = "memoNumber")] string? MemoNumber, [FromQuery(Name = "memoDate")] DateOnly? MemoDate,
        [FromQuery(Name = "signatoryName")] string? SignatoryName, [FromQuery(Name = "signatoryDesignation")] string? SignatoryDesignation)
    {
        public GetPerformanceReportQuery Query(long officeId, bool quarterly) => new(officeId, FiscalYear, quarterly ? Quarter : null, Lang)
        {
            Quarterly = quarterly,
            Issue = new ReportIssue(IssuingOffice, MemoNumber, MemoDate, SignatoryName, SignatoryDesignation),
        };
    }

    private static async Task<IResult> ReportHtmlAsync(GetPerformanceReportQuery query, IMediator mediator, DocumentHtml html, CancellationToken ct)
    {
        var report = await mediator.Send(query, ct);
        return Results.Content(await html.RenderAsync<PerformanceReportPage>(new Dictionary<string, object?> { ["Model"] = report }), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ReportPdfAsync(GetPerformanceReportQuery query, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct)
    {
        var report = await mediator.Send(query, ct);
        var page = await html.RenderAsync<PerformanceReportPage>(new Dictionary<string, object?> { ["Model"] = report });
        var kind = report.Quarter is null ? "AnnualReport" : "QuarterlyReport";
        var period = report.Year.Name + (report.Quarter is { } q ? $" Q{q}" : "");
        var published = await publisher.PublishAsync(kind, query.OfficeId, query.OfficeId, period, report.Text.Language, report.SourceVersion, page, ct);
        return Results.File(published.Content, "application/pdf", $"{kind}-{query.OfficeId}-{period.Replace(' ', '-')}-{report.Text.Language}.pdf");
    }
}
